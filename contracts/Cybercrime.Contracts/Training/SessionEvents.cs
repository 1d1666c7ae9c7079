namespace Cybercrime.Contracts.Training;

/// <summary>
/// A session as it stands after the event. Every session event carries the whole of it, so that a
/// consumer holds the latest state whichever event reaches it last.
/// </summary>
public sealed record TrainingSessionSnapshot(
    string Title,
    IReadOnlyList<TrainingTopic> Topics,
    TrainingFormat Format,
    IReadOnlyList<string> Languages,
    DateOnly StartDate,
    DateOnly EndDate,
    string? HostCountry,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<string> Partners,
    int? Capacity,
    bool TrainTheTrainer,
    SessionStatus Status,
    IReadOnlyList<Headcount> Headcounts);

/// <summary>People reached without individual registration (large webinars), by country and gender.</summary>
public sealed record Headcount(string CountryCode, Gender Gender, int Count);

/// <summary>Events whose aggregate is a training session.</summary>
public interface ITrainingSessionEvent : IIntegrationEvent
{
    Guid SessionId { get; }

    TrainingSessionSnapshot Session { get; }
}

[EventName("training.session-scheduled")]
public sealed record TrainingSessionScheduled(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid SessionId, long Version, TrainingSessionSnapshot Session)
    : ITrainingSessionEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}

[EventName("training.session-amended")]
public sealed record TrainingSessionAmended(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid SessionId, long Version, TrainingSessionSnapshot Session)
    : ITrainingSessionEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}

[EventName("training.session-cancelled")]
public sealed record TrainingSessionCancelled(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid SessionId, long Version, TrainingSessionSnapshot Session)
    : ITrainingSessionEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}

[EventName("training.headcount-recorded")]
public sealed record HeadcountRecorded(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid SessionId, long Version, TrainingSessionSnapshot Session)
    : ITrainingSessionEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}

/// <summary>
/// The session as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("training.session-restated")]
public sealed record TrainingSessionRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid SessionId, long Version, TrainingSessionSnapshot Session)
    : ITrainingSessionEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}
