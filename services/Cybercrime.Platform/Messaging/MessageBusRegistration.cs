using Cybercrime.Contracts;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Messaging;

public enum BusTransport
{
    RabbitMq,
    InMemory,
}

/// <summary>
/// One MassTransit bus per process, configured from <c>Bus:Transport</c>. Services contribute their
/// consumers with <see cref="AddConsumers"/> first, so that the standalone host can put several
/// services on one bus; <see cref="AddMessageBus"/> then builds it once.
/// </summary>
public static class MessageBusRegistration
{
    private const string ContributionsKey = "Cybercrime.Platform.BusContributions";

    /// <param name="queues">The queues these consumers read, which operations may inspect and replay.</param>
    public static IHostApplicationBuilder AddConsumers(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> contribute, params string[] queues)
    {
        Contributions(builder).Add(contribute);
        builder.Services.AddSingleton(new OwnedQueues(queues));
        return builder;
    }

    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder)
    {
        var transport = Transport(builder.Configuration);
        var contributions = Contributions(builder);
        var uri = builder.Configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@localhost:5672/";
        if (transport == BusTransport.RabbitMq)
        {
            builder.Services.AddSingleton(new ParkedMessages(new Uri(uri)));
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry(); // MassTransit would otherwise report usage to an outside address.
            foreach (var contribute in contributions)
            {
                contribute(bus);
            }

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // An event of a type no consumer here knows is parked with its reason, where operations see it.
                endpoint.ConfigureDeadLetter(deadLetter => deadLetter.UseFilter(new ParkUnconsumedFilter()));
                // Durable, replicated queues; per-consumer retry and prefetch live in each ConsumerDefinition.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            if (transport == BusTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.MessageTopology.SetEntityNameFormatter(new EventEntityNames(cfg.MessageTopology.EntityNameFormatter));
                    cfg.ConfigureJsonSerializerOptions(ContractJson.Configure);
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(uri), host =>
                {
                    host.PublisherConfirmation = true;
                    host.ConnectionName(builder.Environment.ApplicationName);
                });
                cfg.MessageTopology.SetEntityNameFormatter(new EventEntityNames(cfg.MessageTopology.EntityNameFormatter));
                cfg.ConfigureJsonSerializerOptions(ContractJson.Configure);
                // Exchanges for concrete events only, none for the interfaces they share: binding one
                // to another would need rights a service's broker user does not have
                // (deploy/rabbitmq/definitions.json), and nothing subscribes to an interface.
                foreach (var contract in typeof(IIntegrationEvent).Assembly.GetTypes().Where(t => t.IsInterface))
                {
                    cfg.Publish(contract, publish => publish.Exclude = true);
                }
                cfg.ConfigureEndpoints(context);
            });
        });

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // A service alone must fail fast, and say why, when the broker is unreachable.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Bus:StartTimeoutSeconds", 30));
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    public static BusTransport Transport(IConfiguration configuration)
    {
        var value = configuration["Bus:Transport"] ?? nameof(BusTransport.RabbitMq);
        return Enum.TryParse<BusTransport>(value, ignoreCase: true, out var transport)
            ? transport
            : throw new InvalidOperationException($"Bus:Transport is '{value}'; expected RabbitMq or InMemory.");
    }

    /// <summary>The queues of one service's consumers.</summary>
    public sealed record OwnedQueues(IReadOnlyList<string> Names);

    private static List<Action<IBusRegistrationConfigurator>> Contributions(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(ContributionsKey, out var list))
        {
            list = new List<Action<IBusRegistrationConfigurator>>();
            builder.Properties[ContributionsKey] = list;
        }

        return (List<Action<IBusRegistrationConfigurator>>)list;
    }
}
