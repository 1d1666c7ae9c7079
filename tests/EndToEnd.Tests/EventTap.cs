using Cybercrime.Contracts;
using RabbitMQ.Client;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// A queue of the test's own, bound to the contract exchanges, that keeps a copy of every event as the
/// broker delivered it; <see cref="RepublishAsync"/> sends those exact messages again.
/// </summary>
internal sealed class EventTap : IAsyncDisposable
{
    private const string Queue = "e2e-tap";
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly List<(string Exchange, BasicProperties Properties, ReadOnlyMemory<byte> Body)> _seen = [];

    private EventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventTap> OpenAsync(Uri broker, IEnumerable<Type> eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var type in eventTypes)
        {
            await channel.ExchangeDeclareAsync(Exchange(type), ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(Queue, Exchange(type), routingKey: "");
        }

        return new EventTap(connection, channel);
    }

    /// <summary>Takes everything the tap holds; returns how many events it has seen in all.</summary>
    public async Task<int> DrainAsync()
    {
        while (await _channel.BasicGetAsync(Queue, autoAck: true) is { } message)
        {
            _seen.Add((message.Exchange, new BasicProperties(message.BasicProperties), message.Body.ToArray()));
        }

        return _seen.Count;
    }

    /// <summary>Publishes every event seen again, as it was (same message id and body), in the given order.</summary>
    public async Task RepublishAsync(bool reversed)
    {
        var messages = reversed ? Enumerable.Reverse(_seen) : _seen;
        foreach (var (exchange, properties, body) in messages.ToList())
        {
            await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, body);
        }
    }

    /// <summary>The bodies of the events seen so far, as text.</summary>
    public IEnumerable<string> Bodies() => _seen.Select(m => System.Text.Encoding.UTF8.GetString(m.Body.Span));

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>An event's exchange: its stable name.</summary>
    private static string Exchange(Type type) => EventNames.Of(type);

    public static IEnumerable<Type> ContractEvents() => EventNames.Events;
}
