namespace Cybercrime.Contracts.ExpertGroup;

/// <summary>Dates a meeting was once set for, and the decision that moved it from them (if one did).</summary>
public sealed record EarlierDates(DateOnly StartDate, DateOnly EndDate, MeetingFormat Format, string? Decision);

/// <summary>A meeting as it stands after the event, with every date it was set for before.</summary>
public sealed record MeetingSnapshot(
    MeetingBody Body,
    int Sequence,
    string Title,
    DateOnly StartDate,
    DateOnly EndDate,
    string Venue,
    MeetingFormat Format,
    IReadOnlyList<StudyChapter> Chapters,
    MeetingStatus Status,
    IReadOnlyList<EarlierDates> History);

public interface IMeetingEvent : IIntegrationEvent
{
    Guid MeetingId { get; }

    MeetingSnapshot Meeting { get; }
}

[EventName("expert-group.meeting-scheduled")]
public sealed record MeetingScheduled(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid MeetingId, long Version, MeetingSnapshot Meeting) : IMeetingEvent
{
    Guid IIntegrationEvent.AggregateId => MeetingId;
}

[EventName("expert-group.meeting-postponed")]
public sealed record MeetingPostponed(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid MeetingId, long Version, MeetingSnapshot Meeting) : IMeetingEvent
{
    Guid IIntegrationEvent.AggregateId => MeetingId;
}

[EventName("expert-group.meeting-held")]
public sealed record MeetingHeld(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid MeetingId, long Version, MeetingSnapshot Meeting) : IMeetingEvent
{
    Guid IIntegrationEvent.AggregateId => MeetingId;
}

[EventName("expert-group.meeting-cancelled")]
public sealed record MeetingCancelled(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid MeetingId, long Version, MeetingSnapshot Meeting) : IMeetingEvent
{
    Guid IIntegrationEvent.AggregateId => MeetingId;
}

/// <summary>
/// The meeting as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("expert-group.meeting-restated")]
public sealed record MeetingRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid MeetingId, long Version, MeetingSnapshot Meeting)
    : IMeetingEvent
{
    Guid IIntegrationEvent.AggregateId => MeetingId;
}
