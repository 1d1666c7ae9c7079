using System.Text.Json;
using Cybercrime.Contracts;

namespace Cybercrime.Platform.Outbox;

/// <summary>An event waiting to be published, serialized with the contract conventions.</summary>
public sealed record OutboxMessage(Guid EventId, string Type, string Payload)
{
    public static OutboxMessage From(IIntegrationEvent @event) =>
        new(@event.EventId, @event.GetType().FullName!, JsonSerializer.Serialize(@event, @event.GetType(), ContractJson.Options));

    public (object Message, Type Type) Deserialize()
    {
        var type = typeof(IIntegrationEvent).Assembly.GetType(Type)
            ?? throw new InvalidOperationException($"Outbox message {EventId} names unknown contract type '{Type}'.");
        return (JsonSerializer.Deserialize(Payload, type, ContractJson.Options)!, type);
    }
}

/// <summary>An outbox message and where it is kept, so that it can be acknowledged once published.</summary>
public sealed record PendingEvent(string Collection, string DocumentId, OutboxMessage Message);
