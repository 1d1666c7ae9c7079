namespace Cybercrime.Contracts.ExpertGroup;

/// <summary>A recommendation as it stands after the event: where it was proposed, and where adopted.</summary>
public sealed record RecommendationSnapshot(Guid MeetingId, StudyChapter Chapter, string Text, RecommendationStatus Status, Guid? AdoptedAtMeetingId);

public interface IRecommendationEvent : IIntegrationEvent
{
    Guid RecommendationId { get; }

    RecommendationSnapshot Recommendation { get; }
}

[EventName("expert-group.recommendation-proposed")]
public sealed record RecommendationProposed(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RecommendationId, long Version, RecommendationSnapshot Recommendation)
    : IRecommendationEvent
{
    Guid IIntegrationEvent.AggregateId => RecommendationId;
}

[EventName("expert-group.recommendation-adopted")]
public sealed record RecommendationAdopted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RecommendationId, long Version, RecommendationSnapshot Recommendation)
    : IRecommendationEvent
{
    Guid IIntegrationEvent.AggregateId => RecommendationId;
}

[EventName("expert-group.recommendation-withdrawn")]
public sealed record RecommendationWithdrawn(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RecommendationId, long Version, RecommendationSnapshot Recommendation)
    : IRecommendationEvent
{
    Guid IIntegrationEvent.AggregateId => RecommendationId;
}

/// <summary>
/// The recommendation as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("expert-group.recommendation-restated")]
public sealed record RecommendationRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RecommendationId, long Version, RecommendationSnapshot Recommendation)
    : IRecommendationEvent
{
    Guid IIntegrationEvent.AggregateId => RecommendationId;
}
