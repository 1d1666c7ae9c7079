namespace Cybercrime.Contracts.Training;

/// <summary>
/// A participant was registered for a session. Aggregate: the registration. The participant is
/// pseudonymous: <see cref="ParticipantId"/> is derived from the office's own reference, no name travels.
/// </summary>
public sealed record ParticipantRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Office,
    Guid RegistrationId,
    long Version,
    Guid SessionId,
    Guid ParticipantId,
    Gender Gender,
    string CountryCode,
    AgencyType AgencyType) : IIntegrationEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}
