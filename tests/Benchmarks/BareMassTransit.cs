using System.Diagnostics;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The same volume through the project's own bus configuration (quorum queues, confirms, retry)
/// with a consumer that does nothing: what MassTransit costs before our code does anything.
/// </summary>
internal static class BareMassTransit
{
    private const int Window = 2_000;

    /// <param name="rate">Messages a second to offer, each on schedule; as fast as possible when null.</param>
    public static async Task<Round> MeasureAsync(Uri broker, int messages, double? rate = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = broker.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var counter = new Counter(messages);
        builder.Services.AddSingleton(counter);
        builder.AddConsumers(bus => bus.AddConsumer<NoOpConsumer, NoOpConsumerDefinition>());
        builder.AddMessageBus();
        using var host = builder.Build();
        await host.StartAsync();

        var bus = host.Services.GetRequiredService<IBus>();
        var inFlight = new SemaphoreSlim(Window);
        var published = new List<Task>(messages);
        var cpu = CpuTime.Start("bus");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            if (rate is not null && TimeSpan.FromSeconds(i / rate.Value) is var due && due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            await inFlight.WaitAsync();
            published.Add(PublishAsync(bus, inFlight));
        }

        await Task.WhenAll(published);
        await counter.All.WaitAsync(TimeSpan.FromMinutes(5));
        var round = new Round(messages / clock.Elapsed.TotalSeconds, cpu.PerItem(messages));
        await host.StopAsync();
        return round;
    }

    private static async Task PublishAsync(IBus bus, SemaphoreSlim inFlight)
    {
        try
        {
            await bus.Publish(Payload.Registered());
        }
        finally
        {
            inFlight.Release();
        }
    }

    internal sealed class Counter(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;

        public Task All => _all.Task;

        public void Seen()
        {
            if (Interlocked.Increment(ref _seen) == expected)
            {
                _all.TrySetResult();
            }
        }
    }

    internal sealed class NoOpConsumer(Counter counter) : IConsumer<ParticipantRegistered>
    {
        public Task Consume(ConsumeContext<ParticipantRegistered> context)
        {
            counter.Seen();
            return Task.CompletedTask;
        }
    }

    /// <summary>The same concurrency and prefetch as reporting's consumer, so the comparison is fair.</summary>
    internal sealed class NoOpConsumerDefinition : ConsumerDefinition<NoOpConsumer>
    {
        public NoOpConsumerDefinition()
        {
            EndpointName = "bench-noop";
            ConcurrentMessageLimit = 64;
        }

        protected override void ConfigureConsumer(
            IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<NoOpConsumer> consumerConfigurator, IRegistrationContext context)
        {
            if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.PrefetchCount = 64;
            }
        }
    }
}
