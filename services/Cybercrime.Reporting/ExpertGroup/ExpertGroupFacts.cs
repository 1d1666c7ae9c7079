using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.ExpertGroup;

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

    /// <summary>The symbol and title the summary lists; empty in facts kept before they were, until a rebuild.</summary>
    public string Symbol { get; init; } = "";

    public string Title { get; init; } = "";

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
            Symbol = e.Document.Symbol,
            Title = e.Document.Title,
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
