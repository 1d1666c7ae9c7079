using System.Collections.Concurrent;
using System.Diagnostics;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Tests.Storage;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>
/// The fault suite: a broker restarted again and again under a steady flow of events, and the outbox
/// must never stall. It needs a broker of its own, since restarting one that other tests share would
/// break them: <c>RABBITMQ_RESTARTABLE_URI</c> (its AMQP URI) and <c>RABBITMQ_RESTART_COMMAND</c> (a
/// command that takes <c>stop_app</c> or <c>start_app</c>, e.g. <c>rabbitmqctl -n node</c>);
/// <c>BROKER_RESTARTS</c> says how many (10). Skipped, saying so, without them.
/// </summary>
public sealed class BrokerRestartTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-restarts-").FullName;
    private readonly ConcurrentDictionary<Guid, byte> _consumed = new();
    private IHost? _host;

    [Fact]
    public async Task The_outbox_never_stalls_across_broker_restarts()
    {
        var uri = Environment.GetEnvironmentVariable("RABBITMQ_RESTARTABLE_URI");
        var restart = Environment.GetEnvironmentVariable("RABBITMQ_RESTART_COMMAND");
        if (string.IsNullOrEmpty(uri) || string.IsNullOrEmpty(restart))
        {
            Assert.Skip("Needs a broker of its own to restart: set RABBITMQ_RESTARTABLE_URI and RABBITMQ_RESTART_COMMAND.");
        }

        _host = Build(uri);
        await _host.StartAsync(TestContext.Current.CancellationToken);
        var store = _host.Services.GetRequiredKeyedService<DocumentStore>("restarts");
        using var stop = new CancellationTokenSource();
        var written = new ConcurrentBag<Guid>();
        var writing = WriteSteadilyAsync(store, written, stop.Token);

        var stalls = 0;
        var restarts = int.Parse(Environment.GetEnvironmentVariable("BROKER_RESTARTS") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < restarts; i++)
        {
            await RunAsync(restart, "stop_app");
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken); // the outage itself, as driven by hand in the issue
            await RunAsync(restart, "start_app");
            try
            {
                // Caught up: nothing waiting longer than the outage and a publish deadline or two.
                await Eventually.Until(async () => await store.OldestPendingAsync(TestContext.Current.CancellationToken) is not { } oldest
                    || DateTimeOffset.UtcNow - oldest < TimeSpan.FromSeconds(10), Deadline, $"the outbox caught up after restart {i + 1}");
            }
            catch (TimeoutException)
            {
                stalls++;
            }
        }

        await stop.CancelAsync();
        await writing;
        await Eventually.Until(async () => await store.OldestPendingAsync(TestContext.Current.CancellationToken) is null, Deadline, "an empty outbox");
        await Eventually.Until(() => Task.FromResult(written.All(_consumed.ContainsKey)), Deadline, "every event consumed");
        TestContext.Current.TestOutputHelper?.WriteLine($"{restarts} restarts, {written.Count} events, {stalls} stalls");
        Assert.Equal(0, stalls);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IHost Build(string uri)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = uri,
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = _folder,
            ["Outbox:PublishTimeoutSeconds"] = "5",
        });
        builder.AddDocumentStore("restarts", store => store.Collection<Widget>("widgets", "name"));
        builder.Services.AddSingleton(_consumed);
        builder.AddConsumers(bus => bus.AddConsumer<Recording>().Endpoint(e => e.Name = "test-restarts"));
        builder.AddMessageBus();
        return builder.Build();
    }

    /// <summary>About sixty registrations a second, as in the issue, until stopped.</summary>
    private static async Task WriteSteadilyAsync(DocumentStore store, ConcurrentBag<Guid> written, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / 60));
        var widgets = store.Collection<Widget>();
        var n = 0;
        while (!stop.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None))
        {
            var @event = new ParticipantRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
                new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Registered));
            await widgets.SaveAsync(Widget.Make($"w{n++}"), 0, [@event], CancellationToken.None);
            written.Add(@event.EventId);
        }
    }

    private static async Task RunAsync(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{command} {argument}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"'{command} {argument}' failed: {await process.StandardError.ReadToEndAsync()}");
    }

    private sealed class Recording(ConcurrentDictionary<Guid, byte> consumed) : IConsumer<ParticipantRegistered>
    {
        public Task Consume(ConsumeContext<ParticipantRegistered> context)
        {
            consumed.TryAdd(context.Message.EventId, 0);
            return Task.CompletedTask;
        }
    }
}
