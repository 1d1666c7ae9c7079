using System.Text.Json.Serialization;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Recommendations;

/// <summary>A recommendation on a chapter of the study: preliminary when proposed, adopted at a later meeting, or withdrawn.</summary>
internal sealed record Recommendation : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string MeetingId { get; init; }

    public required StudyChapter Chapter { get; init; }

    public required string Text { get; init; }

    public required RecommendationStatus Status { get; init; }

    public string? AdoptedAtMeetingId { get; init; }

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    public static (Recommendation, RecommendationProposed) Propose(Guid meetingId, StudyChapter chapter, string text, DateTimeOffset now)
    {
        var proposed = new Recommendation
        {
            Id = Guid.CreateVersion7(now).ToString(), Version = 1, MeetingId = meetingId.ToString(), Chapter = chapter, Text = text, Status = RecommendationStatus.Preliminary,
        };
        return (proposed, new RecommendationProposed(Guid.NewGuid(), now, ExpertGroupService.Office, proposed.Key, 1, proposed.Snapshot()));
    }

    public (Recommendation, RecommendationAdopted) Adopt(Guid meetingId, DateTimeOffset now)
    {
        var adopted = this with { Version = Version + 1, Status = RecommendationStatus.Adopted, AdoptedAtMeetingId = meetingId.ToString() };
        return (adopted, new RecommendationAdopted(Guid.NewGuid(), now, ExpertGroupService.Office, Key, adopted.Version, adopted.Snapshot()));
    }

    public (Recommendation, RecommendationWithdrawn) Withdraw(DateTimeOffset now)
    {
        var withdrawn = this with { Version = Version + 1, Status = RecommendationStatus.Withdrawn };
        return (withdrawn, new RecommendationWithdrawn(Guid.NewGuid(), now, ExpertGroupService.Office, Key, withdrawn.Version, withdrawn.Snapshot()));
    }

    public RecommendationSnapshot Snapshot() =>
        new(Guid.Parse(MeetingId), Chapter, Text, Status, AdoptedAtMeetingId is null ? null : Guid.Parse(AdoptedAtMeetingId));
}
