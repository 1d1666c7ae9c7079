using System.Text.Json;
using Cybercrime.Contracts;

namespace Cybercrime.Platform.Outbox;

/// <summary>
/// An event waiting to be published, serialized with the contract conventions. <see cref="Type"/> is
/// the event's stable name (<see cref="EventNameAttribute"/>), so renaming a class strands no entry.
/// </summary>
public sealed record OutboxMessage(Guid EventId, string Type, string Payload)
{
    public static OutboxMessage From(IIntegrationEvent @event) =>
        new(@event.EventId, EventNames.Of(@event.GetType()), JsonSerializer.Serialize(@event, @event.GetType(), ContractJson.Options));

    /// <summary>The event; throws when its name is unknown or its payload unreadable (a poison entry).</summary>
    public (object Message, Type Type) Deserialize()
    {
        // Entries written before stable names hold the class's full name, which still resolves.
        var type = EventNames.Resolve(Type)
            ?? throw new InvalidOperationException($"Outbox message {EventId} names unknown contract event '{Type}'.");
        return (JsonSerializer.Deserialize(Payload, type, ContractJson.Options)!, type);
    }
}

/// <summary>An outbox message and where it is kept, so that it can be acknowledged once published.</summary>
public sealed record PendingEvent(string Collection, string DocumentId, OutboxMessage Message);
