using Cybercrime.Contracts;
using RabbitMQ.Client;

namespace Cybercrime.Faults;

/// <summary>
/// A queue of the suite's own, bound to every event exchange (by stable name), that keeps a copy of
/// each event as the broker delivered it; it can publish them all again, in order or reversed.
/// </summary>
internal sealed class EventTap : IAsyncDisposable
{
    private const string Queue = "faults-tap";
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventTap(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public List<(string Exchange, BasicProperties Properties, ReadOnlyMemory<byte> Body)> Seen { get; } = [];

    public static async Task<EventTap> OpenAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync("faults-tap");
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var type in EventNames.Events)
        {
            await channel.ExchangeDeclareAsync(EventNames.Of(type), ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(Queue, EventNames.Of(type), routingKey: "");
        }

        return new EventTap(connection, channel);
    }

    /// <summary>Takes everything the tap holds; returns how many events it has seen in all.</summary>
    public async Task<int> DrainAsync()
    {
        while (await _channel.BasicGetAsync(Queue, autoAck: true) is { } message)
        {
            Seen.Add((message.Exchange, new BasicProperties(message.BasicProperties), message.Body.ToArray()));
        }

        return Seen.Count;
    }

    /// <summary>Publishes every event seen again, as it was (same message id and body), to its exchange.</summary>
    public async Task RepublishAsync(bool reversed)
    {
        var messages = reversed ? Enumerable.Reverse(Seen).ToList() : [.. Seen];
        foreach (var (exchange, properties, body) in messages)
        {
            await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, body);
        }

        await PurgeAsync();
    }

    /// <summary>Publishes one message to an exchange (an event exchange, or a queue's own), with a publisher confirm.</summary>
    public async Task PublishAsync(string exchange, BasicProperties properties, ReadOnlyMemory<byte> body) =>
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, body);

    /// <summary>Drops the copies the tap itself got of what it just republished.</summary>
    private async Task PurgeAsync() => await _channel.QueuePurgeAsync(Queue);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
