using System.Text;
using Cybercrime.Platform.Messaging;
using Cybercrime.TestSupport;
using RabbitMQ.Client;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>Listing parked messages looks at them only: under a delivery limit, listing them again and again drops none.</summary>
public sealed class ParkedListingTests : IAsyncLifetime
{
    private const string Queue = "test-listed";
    private const int Parked = 3;
    private BrokerVirtualHost _broker = null!;

    public async ValueTask InitializeAsync() => _broker = await TestBroker.CreateVirtualHostAsync("listing");

    public async ValueTask DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Listing_thirty_times_under_a_delivery_limit_keeps_every_parked_message_with_its_type()
    {
        var ids = await ParkAsync(deliveryLimit: 2);
        var parked = new ParkedMessages(_broker.Amqp);

        for (var i = 0; i < 30; i++)
        {
            var listed = await parked.ListAsync(Queue, TestContext.Current.CancellationToken);
            Assert.Equal(ids, listed.Select(m => m.MessageId));
            Assert.All(listed, m => Assert.Equal("Cybercrime.Contracts.Training:ParticipantRegistered", m.MessageType));
        }

        // The management statistics lag a few seconds behind the queue.
        await Eventually.Until(async () => await _broker.MessagesInAsync($"{Queue}_error") == Parked, TimeSpan.FromSeconds(30), "three parked messages");
        var first = await _broker.PeekAsync($"{Queue}_error");
        Assert.Equal(0, first!["properties"]!["headers"]!["x-delivery-count"]?.GetValue<int>() ?? 0);
    }

    /// <summary>What MassTransit leaves in an error queue: a quorum queue, here with a delivery limit, and its envelope.</summary>
    private async Task<IReadOnlyList<string>> ParkAsync(int deliveryLimit)
    {
        await using var connection = await new ConnectionFactory { Uri = _broker.Amqp }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), TestContext.Current.CancellationToken);
        await channel.QueueDeclareAsync($"{Queue}_error", durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = deliveryLimit },
            cancellationToken: TestContext.Current.CancellationToken);
        var ids = new List<string>();
        for (var i = 0; i < Parked; i++)
        {
            var id = Guid.NewGuid().ToString();
            var body = $$$"""
                {"messageId":"{{{id}}}","messageType":["urn:message:Cybercrime.Contracts.Training:ParticipantRegistered","urn:message:Cybercrime.Contracts:IIntegrationEvent"],"message":{}}
                """;
            var properties = new BasicProperties
            {
                MessageId = id,
                ContentType = "application/vnd.masstransit+json",
                Persistent = true,
                Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = "the store rejected the write" },
            };
            await channel.BasicPublishAsync("", $"{Queue}_error", mandatory: true, properties, Encoding.UTF8.GetBytes(body), TestContext.Current.CancellationToken);
            ids.Add(id);
        }

        return ids;
    }
}
