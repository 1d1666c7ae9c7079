namespace Cybercrime.Contracts.Training;

/// <summary>
/// One participant's place in one session as it stands after the event. The participant is
/// pseudonymous: <see cref="ParticipantId"/> is derived from the office's own reference; no name
/// or reference travels.
/// </summary>
public sealed record ParticipationSnapshot(
    Guid SessionId,
    Guid ParticipantId,
    Gender Gender,
    string CountryCode,
    AgencyType AgencyType,
    string? Role,
    EnrolmentStatus Status);

/// <summary>Events whose aggregate is a registration (one participant in one session).</summary>
public interface IParticipantEvent : IIntegrationEvent
{
    Guid RegistrationId { get; }

    ParticipationSnapshot Participation { get; }
}

[EventName("training.participant-registered")]
public sealed record ParticipantRegistered(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-waitlisted")]
public sealed record ParticipantWaitlisted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-promoted")]
public sealed record ParticipantPromoted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-attended")]
public sealed record ParticipantAttended(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-completed")]
public sealed record ParticipantCompleted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-cancelled")]
public sealed record ParticipantCancelled(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

[EventName("training.participant-no-show")]
public sealed record ParticipantNoShow(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}

/// <summary>
/// The registration as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("training.participant-restated")]
public sealed record RegistrationRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RegistrationId, long Version, ParticipationSnapshot Participation)
    : IParticipantEvent
{
    Guid IIntegrationEvent.AggregateId => RegistrationId;
}
