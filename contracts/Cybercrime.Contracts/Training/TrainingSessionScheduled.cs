namespace Cybercrime.Contracts.Training;

/// <summary>An office scheduled a training session. Aggregate: the session.</summary>
public sealed record TrainingSessionScheduled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Office,
    Guid SessionId,
    long Version,
    string Title,
    IReadOnlyList<TrainingTopic> Topics,
    TrainingFormat Format,
    IReadOnlyList<string> Languages,
    DateOnly StartDate,
    DateOnly EndDate,
    string? HostCountry) : IIntegrationEvent
{
    Guid IIntegrationEvent.AggregateId => SessionId;
}
