using Cybercrime.Contracts.ExpertGroup;

namespace Cybercrime.Reporting.ExpertGroup;

internal sealed record RecommendationCounts(int Proposed, int Adopted, int Withdrawn);

/// <summary>A meeting of the year; its original dates are those first set, null unless it was postponed.</summary>
internal sealed record MeetingListed(
    string Title, int Number, MeetingBody Body, MeetingFormat Format, MeetingStatus Status, DateOnly Start, DateOnly End, DateOnly? OriginalStart, DateOnly? OriginalEnd);

/// <summary>A document first published in the year and not withdrawn, with every language it was published in.</summary>
internal sealed record DocumentListed(string Symbol, string Title, DocumentType Type, IReadOnlyList<string> Languages);

internal sealed record ExpertGroupSummaryResponse(
    int Year,
    int MeetingsHeld,
    int MeetingsPostponed,
    int MeetingsCancelled,
    int DocumentsPublished,
    IReadOnlyDictionary<DocumentType, int> DocumentsByType,
    int LanguageVersionsPublished,
    IReadOnlyDictionary<string, int> ByLanguage,
    RecommendationCounts Recommendations,
    IReadOnlyDictionary<StudyChapter, int> RecommendationsByChapter,
    IReadOnlyDictionary<StudyChapter, RecommendationCounts> RecommendationsByChapterAndStatus,
    IReadOnlyList<MeetingListed> Meetings,
    IReadOnlyList<DocumentListed> Documents);
