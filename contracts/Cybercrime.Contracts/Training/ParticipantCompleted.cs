namespace Cybercrime.Contracts.Training;

/// <summary>
/// A registered participant completed the session. Aggregate: the registration. It repeats the
/// participant's attributes so that a consumer which sees it before <see cref="ParticipantRegistered"/>
/// (redelivery, reordering) still holds the whole fact.
/// </summary>
public sealed record ParticipantCompleted(
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
