namespace Cybercrime.Contracts.Awareness;

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
    long? Replaced) : IIntegrationEvent
{
    Guid IIntegrationEvent.AggregateId => ObservationId;
}
