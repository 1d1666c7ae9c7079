using System.Text.Json;
using RabbitMQ.Client;

namespace Cybercrime.Platform.Messaging;

/// <summary>A message parked in an error queue, and why it was parked.</summary>
public sealed record ParkedMessage(string? MessageId, string? MessageType, string? Reason, string? ExceptionType, string? FailedAt);

/// <summary>
/// What MassTransit parked in a queue's <c>_error</c> queue after its retries ran out: list it, and
/// replay it into the queue it came from once the cause is fixed. Replay republishes each message
/// as it was (same id, body and headers) with publisher confirms, and removes it from the error
/// queue only once the broker has it back: a crash in between replays it twice, which consumers absorb.
/// </summary>
public sealed class ParkedMessages(Uri broker)
{
    public const int MaxListed = 100;

    /// <summary>
    /// The first <see cref="MaxListed"/> parked messages, left as they were. A quorum queue counts every
    /// return of a message as a delivery (a nack with requeue, and on RabbitMQ 3.x a channel closed
    /// without an ack too), and under a delivery limit drops a message that reaches it: looking must not
    /// return anything. So the listing takes each parked message once, in order, puts a fresh copy (same
    /// id, body and headers, no delivery count) at the back with a publisher confirm, and only then
    /// acknowledges the original; after one full turn the queue holds what it held, in the same order.
    /// A crash midway leaves one message twice, never none.
    /// </summary>
    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, ErrorQueue(queue), cancellationToken))
        {
            return [];
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var parked = new List<ParkedMessage>();
        var turn = await channel.MessageCountAsync(ErrorQueue(queue), cancellationToken);
        for (var i = 0; i < turn && await channel.BasicGetAsync(ErrorQueue(queue), autoAck: false, cancellationToken) is { } message; i++)
        {
            if (parked.Count < MaxListed)
            {
                var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
                parked.Add(new ParkedMessage(
                    message.BasicProperties.MessageId, MessageType(message.Body),
                    Text(headers, "MT-Fault-Message"), Text(headers, "MT-Fault-ExceptionType"), Text(headers, "MT-Fault-Timestamp")));
            }

            await channel.BasicPublishAsync("", ErrorQueue(queue), mandatory: true, Fresh(message.BasicProperties), message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        }

        return parked;
    }

    /// <summary>Moves every parked message back into <paramref name="queue"/>; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, ErrorQueue(queue), cancellationToken))
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Only what is parked now: a message that fails again comes back to the error queue meanwhile.
        var parked = await channel.MessageCountAsync(ErrorQueue(queue), cancellationToken);
        var replayed = 0;
        while (replayed < parked && await channel.BasicGetAsync(ErrorQueue(queue), autoAck: false, cancellationToken) is { } message)
        {
            // MassTransit's endpoint exchange carries the queue's name and routes to it.
            await channel.BasicPublishAsync(queue, routingKey: "", mandatory: true, Fresh(message.BasicProperties), message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        return replayed;
    }

    private static string ErrorQueue(string queue) => $"{queue}_error";

    /// <summary>The message's properties as a new message carries them: the broker's delivery count stays behind.</summary>
    private static BasicProperties Fresh(IReadOnlyBasicProperties delivered)
    {
        var properties = new BasicProperties(delivered);
        properties.Headers?.Remove("x-delivery-count");
        return properties;
    }

    /// <summary>MassTransit creates an error queue with its first fault; until then nothing is parked.</summary>
    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so it gets one of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = broker }.CreateConnectionAsync("operations", cancellationToken);

    /// <summary>The event's type as MassTransit's envelope names it first (<c>urn:message:Namespace:Type</c>), without the scheme.</summary>
    private static string? MessageType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Replace("urn:message:", "", StringComparison.Ordinal)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;
}
