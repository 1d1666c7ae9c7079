namespace Cybercrime.Contracts.Awareness;

/// <summary>
/// An activity as it stands after the event. <see cref="Participants"/> names every country the
/// activity ever counted, with 0 for one an amendment dropped, so that a consumer keeping a row
/// per country sets that row to 0 rather than keeping its old count.
/// </summary>
public sealed record ActivitySnapshot(
    string Title,
    ActivityKind Kind,
    DateOnly Date,
    IReadOnlyList<string> Languages,
    Guid? CampaignId,
    IReadOnlyList<ParticipantCount> Participants);

/// <summary>How many took part from one country: a headcount, not people.</summary>
public sealed record ParticipantCount(string CountryCode, int Count);

/// <summary>Events whose aggregate is an awareness activity.</summary>
public interface IActivityEvent : IIntegrationEvent
{
    Guid ActivityId { get; }

    ActivitySnapshot Activity { get; }
}

[EventName("awareness.activity-held")]
public sealed record ActivityHeld(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid ActivityId, long Version, ActivitySnapshot Activity)
    : IActivityEvent
{
    Guid IIntegrationEvent.AggregateId => ActivityId;
}

[EventName("awareness.activity-amended")]
public sealed record ActivityAmended(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid ActivityId, long Version, ActivitySnapshot Activity)
    : IActivityEvent
{
    Guid IIntegrationEvent.AggregateId => ActivityId;
}

/// <summary>
/// The activity as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("awareness.activity-restated")]
public sealed record ActivityRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid ActivityId, long Version, ActivitySnapshot Activity)
    : IActivityEvent
{
    Guid IIntegrationEvent.AggregateId => ActivityId;
}
