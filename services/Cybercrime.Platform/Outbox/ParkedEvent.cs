namespace Cybercrime.Platform.Outbox;

/// <summary>An outbox entry set aside because it cannot be published, with why and when.</summary>
public sealed record ParkedEvent(string Collection, string DocumentId, Guid EventId, string Type, string Reason, DateTimeOffset ParkedAt);
