namespace Cybercrime.Contracts.Awareness;

/// <summary>Events whose aggregate is one observation key: its value as it now stands.</summary>
public interface IObservationEvent : IIntegrationEvent
{
    Guid ObservationId { get; }

    Guid CampaignId { get; }

    Channel Channel { get; }

    ReachMetric Metric { get; }

    string Period { get; }

    string? Country { get; }

    string? Language { get; }

    long Value { get; }
}

/// <summary>
/// One reach figure as it now stands, under its key (campaign, channel, metric, period, country,
/// language). The observation is its own aggregate: <see cref="Version"/> is 1 when the key is first
/// recorded and goes up by one with each value that replaces it, so the latest value of a key is the
/// one with the highest version. <see cref="Replaced"/> is the value it replaced (null the first time).
/// </summary>
[EventName("awareness.observation-recorded")]
public sealed record ObservationRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Office,
    Guid ObservationId,
    long Version,
    Guid CampaignId,
    Channel Channel,
    ReachMetric Metric,
    string Period,
    string? Country,
    string? Language,
    long Value,
    long? Replaced) : IObservationEvent
{
    Guid IIntegrationEvent.AggregateId => ObservationId;
}

/// <summary>
/// An observation key's value as it stands, published again on reporting's request (a rebuild) with
/// its current version: a separate type, so that no subscriber mistakes it for a new figure.
/// </summary>
[EventName("awareness.observation-restated")]
public sealed record ObservationRestated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Office,
    Guid ObservationId,
    long Version,
    Guid CampaignId,
    Channel Channel,
    ReachMetric Metric,
    string Period,
    string? Country,
    string? Language,
    long Value) : IObservationEvent
{
    Guid IIntegrationEvent.AggregateId => ObservationId;
}
