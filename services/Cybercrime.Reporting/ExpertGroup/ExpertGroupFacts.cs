using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.ExpertGroup;

/// <summary>
/// What reporting knows of a meeting: the year of its final dates (where it counts as held or cancelled,
/// and where its recommendations count) and of its original start date (where it counts as postponed).
/// </summary>
internal sealed class MeetingFacts : IDocument
{
    public const string CollectionName = "expert-group-meetings";

    public static readonly string[] Indexes = ["year,status", "originalYear,postponed"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    /// <summary>The year of the final start date: the meeting is "of" that year.</summary>
    public required int Year { get; init; }

    public required int OriginalYear { get; init; }

    public required bool Postponed { get; init; }

    public required MeetingStatus Status { get; init; }

    public static MeetingFacts From(IMeetingEvent e) => new()
    {
        Id = e.MeetingId.ToString(),
        Version = e.Version,
        Year = e.Meeting.StartDate.Year,
        OriginalYear = (e.Meeting.History.Count > 0 ? e.Meeting.History[0].StartDate : e.Meeting.StartDate).Year,
        Postponed = e.Meeting.History.Count > 0,
        Status = e.Meeting.Status,
    };
}

/// <summary>
/// What reporting knows of a document: the year it was first published (null until it is), whether it
/// was withdrawn, and every language it was ever published in, whichever revision.
/// </summary>
internal sealed class DocumentFacts : IDocument
{
    public const string CollectionName = "expert-group-documents";

    public static readonly string[] Indexes = ["publishedYear,withdrawn,type", "languages"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required DocumentType Type { get; init; }

    public int? PublishedYear { get; init; }

    public required bool Withdrawn { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required int LanguageCount { get; init; }

    public static DocumentFacts From(IDocumentEvent e)
    {
        var languages = e.Document.Revisions.SelectMany(r => r.Versions).Where(v => v.PublishedOn is not null).Select(v => v.Language).Distinct().ToList();
        return new()
        {
            Id = e.DocumentId.ToString(),
            Version = e.Version,
            Type = e.Document.Type,
            PublishedYear = e.Document.FirstPublishedOn?.Year,
            Withdrawn = e.Document.Status == DocumentStatus.Withdrawn,
            Languages = languages,
            LanguageCount = languages.Count,
        };
    }
}

/// <summary>What reporting knows of a recommendation: the meeting that proposed it, the one that adopted it, its chapter and status.</summary>
internal sealed class RecommendationFacts : IDocument
{
    public const string CollectionName = "expert-group-recommendations";

    public static readonly string[] Indexes = ["meetingId,status", "adoptedAt,status"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string MeetingId { get; init; }

    public string? AdoptedAt { get; init; }

    public required StudyChapter Chapter { get; init; }

    public required RecommendationStatus Status { get; init; }

    public static RecommendationFacts From(IRecommendationEvent e) => new()
    {
        Id = e.RecommendationId.ToString(),
        Version = e.Version,
        MeetingId = e.Recommendation.MeetingId.ToString(),
        AdoptedAt = e.Recommendation.AdoptedAtMeetingId?.ToString(),
        Chapter = e.Recommendation.Chapter,
        Status = e.Recommendation.Status,
    };
}
