namespace Cybercrime.Contracts.Awareness;

/// <summary>A campaign as it stands after the event: every campaign event carries the whole of it.</summary>
public sealed record CampaignSnapshot(
    string Name,
    IReadOnlyList<CampaignAudience> Audiences,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Partners,
    DateOnly StartDate,
    DateOnly EndDate,
    CampaignStatus Status);

/// <summary>Events whose aggregate is a campaign.</summary>
public interface ICampaignEvent : IIntegrationEvent
{
    Guid CampaignId { get; }

    CampaignSnapshot Campaign { get; }
}

[EventName("awareness.campaign-launched")]
public sealed record CampaignLaunched(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid CampaignId, long Version, CampaignSnapshot Campaign)
    : ICampaignEvent
{
    Guid IIntegrationEvent.AggregateId => CampaignId;
}

[EventName("awareness.campaign-amended")]
public sealed record CampaignAmended(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid CampaignId, long Version, CampaignSnapshot Campaign)
    : ICampaignEvent
{
    Guid IIntegrationEvent.AggregateId => CampaignId;
}

[EventName("awareness.campaign-closed")]
public sealed record CampaignClosed(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid CampaignId, long Version, CampaignSnapshot Campaign)
    : ICampaignEvent
{
    Guid IIntegrationEvent.AggregateId => CampaignId;
}

/// <summary>
/// The campaign as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("awareness.campaign-restated")]
public sealed record CampaignRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid CampaignId, long Version, CampaignSnapshot Campaign)
    : ICampaignEvent
{
    Guid IIntegrationEvent.AggregateId => CampaignId;
}
