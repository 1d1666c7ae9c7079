using System.Text;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Cybercrime.Platform.Tests.Messaging;

/// <summary>
/// An event of a type no consumer of the queue knows is parked in its <c>_error</c> queue with the
/// reason, where operations list and replay it, not in MassTransit's <c>_skipped</c> queue.
/// </summary>
public sealed class UnconsumedMessageTests : IAsyncLifetime
{
    private const string Queue = "test-unconsumed";
    private BrokerVirtualHost _broker = null!;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("unconsumed");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = _broker.Amqp.ToString(),
        });
        builder.AddConsumers(bus => bus.AddConsumer<Registrations>().Endpoint(e => e.Name = Queue), Queue);
        builder.AddMessageBus();
        _host = builder.Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task An_event_of_an_unknown_type_is_parked_with_its_reason_and_listed()
    {
        var id = Guid.NewGuid().ToString();
        await PublishAsync(id, "urn:message:Cybercrime.Contracts.Training:ParticipantTeleported");

        var parked = new ParkedMessages(_broker.Amqp);
        var listed = await Eventually.Until(() => parked.ListAsync(Queue, TestContext.Current.CancellationToken), l => l.Count == 1,
            TimeSpan.FromSeconds(30), "the unknown event parked");

        Assert.Equal(id, listed[0].MessageId);
        Assert.Equal("Cybercrime.Contracts.Training:ParticipantTeleported", listed[0].MessageType);
        Assert.Contains("No consumer at test-unconsumed handles", listed[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _broker.MessagesInAsync($"{Queue}_skipped"));
    }

    private async Task PublishAsync(string id, string messageType)
    {
        await using var connection = await new ConnectionFactory { Uri = _broker.Amqp }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), TestContext.Current.CancellationToken);
        var body = $$$"""{"messageId":"{{{id}}}","messageType":["{{{messageType}}}"],"message":{}}""";
        var properties = new BasicProperties { MessageId = id, ContentType = "application/vnd.masstransit+json", Persistent = true };
        // MassTransit's endpoint exchange carries the queue's name and routes to it.
        await channel.BasicPublishAsync(Queue, "", mandatory: true, properties, Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);
    }

    private sealed class Registrations : IConsumer<ParticipantRegistered>
    {
        public Task Consume(ConsumeContext<ParticipantRegistered> context) => Task.CompletedTask;
    }
}
