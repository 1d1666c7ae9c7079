using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.ExpertGroup;

internal sealed record RecommendationCounts(int Proposed, int Adopted, int Withdrawn);

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
    IReadOnlyDictionary<StudyChapter, int> RecommendationsByChapter);

/// <summary>
/// <c>GET /reporting/expert-group/summary?year=Y</c>, counted by the store from the keyed facts. A meeting
/// counts as held or cancelled in the year of its final dates and as postponed in the year it was first
/// set to start; a document, and each language it was published in, in the year of its first publication,
/// and nowhere once withdrawn; recommendations by the meetings of the year (those whose final start
/// date falls in it): proposed there (whatever became of them), adopted there, proposed there and withdrawn.
/// </summary>
internal static class ExpertGroupSummary
{
    public static void MapExpertGroupSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/expert-group/summary", async (
                int? year, IDocumentCollection<MeetingFacts> meetings, IDocumentCollection<DocumentFacts> documents,
                IDocumentCollection<RecommendationFacts> recommendations, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                if (!errors.Check(year is { } y && ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last} is required, e.g. ?year=2020."))
                {
                    return errors.ToResult();
                }

                return TypedResults.Ok(await ComputeAsync(year!.Value, meetings, documents, recommendations, cancellationToken));
            })
            .WithSummary("The expert group's year: meetings held, postponed and cancelled, documents published by type and language, recommendations.")
            .Produces<ExpertGroupSummaryResponse>()
            .WithExports("expert-group-summary")
            .ProducesValidationProblem();

    public static async Task<ExpertGroupSummaryResponse> ComputeAsync(
        int year, IDocumentCollection<MeetingFacts> meetings, IDocumentCollection<DocumentFacts> documents,
        IDocumentCollection<RecommendationFacts> recommendations, CancellationToken cancellationToken)
    {
        var ofYear = Filter.Equal("year", year);
        var byStatus = await meetings.GroupAsync(ofYear, ["status"], cancellationToken: cancellationToken);
        var postponed = await meetings.CountAsync(Filter.Equal("originalYear", year).And(Filter.Equal("postponed", true)), cancellationToken);

        var published = Filter.Equal("publishedYear", year).And(Filter.Equal("withdrawn", false));
        var byType = await documents.GroupAsync(published, ["type"], cancellationToken: cancellationToken);
        var byLanguage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in UnLanguages.All)
        {
            byLanguage[language] = (int)await documents.CountAsync(published.And(Filter.Contains("languages", language)), cancellationToken);
        }

        // The year's meetings are a handful: their ids select the recommendations proposed or adopted there.
        var meetingIds = (await meetings.ListAsync(new Query(ofYear, []), cancellationToken)).Select(m => m.Id).ToList();
        var proposedThere = Filter.AnyOf("meetingId", meetingIds);
        var proposed = await recommendations.GroupAsync(proposedThere, ["status"], cancellationToken: cancellationToken);
        var byChapter = await recommendations.GroupAsync(proposedThere, ["chapter"], cancellationToken: cancellationToken);
        var adopted = await recommendations.CountAsync(
            Filter.AnyOf("adoptedAt", meetingIds).And(Filter.Equal("status", RecommendationStatus.Adopted)), cancellationToken);

        return new ExpertGroupSummaryResponse(
            year,
            Count(byStatus, MeetingStatus.Held),
            (int)postponed,
            Count(byStatus, MeetingStatus.Cancelled),
            (int)byType.Sum(g => g.Count),
            byType.ToDictionary(g => g.KeyAt<DocumentType>(0), g => (int)g.Count),
            (int)await documents.SumAsync(published, "languageCount", cancellationToken),
            byLanguage,
            new RecommendationCounts((int)proposed.Sum(g => g.Count), (int)adopted, Count(proposed, RecommendationStatus.Withdrawn)),
            byChapter.ToDictionary(g => g.KeyAt<StudyChapter>(0), g => (int)g.Count));
    }

    private static int Count<TStatus>(IReadOnlyList<Group> groups, TStatus status) where TStatus : struct, Enum =>
        (int)groups.Where(g => g.KeyAt<TStatus>(0).Equals(status)).Sum(g => g.Count);
}
