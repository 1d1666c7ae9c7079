using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.ExpertGroup;

/// <summary>
/// <c>GET /reporting/expert-group/summary?year=Y</c>, counted by the store from the keyed facts. A meeting
/// counts as held or cancelled in the year of its final dates and as postponed in the year it was first
/// set to start; a document, and each language it was published in, in the year of its first publication,
/// and nowhere once withdrawn; recommendations by the meetings of the year (those whose final start
/// date falls in it): proposed there (whatever became of them), adopted there, proposed there and withdrawn,
/// in all and per chapter. The year's meetings (by start date) and documents (by symbol) are listed too: a
/// handful each, read through their indexes.
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
            .WithSummary("The expert group's year: meetings held, postponed and cancelled, documents published by type and language, recommendations by chapter and status; the meetings and documents listed.")
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
        var ofTheYear = await meetings.ListAsync(new Query(ofYear, []), cancellationToken);
        var meetingIds = ofTheYear.Select(m => m.Id).ToList();
        var proposedThere = Filter.AnyOf("meetingId", meetingIds);
        var proposed = await recommendations.GroupAsync(proposedThere, ["chapter", "status"], cancellationToken: cancellationToken);
        var adopted = await recommendations.GroupAsync(
            Filter.AnyOf("adoptedAt", meetingIds).And(Filter.Equal("status", RecommendationStatus.Adopted)), ["chapter"], cancellationToken: cancellationToken);
        var chapters = proposed.Select(g => g.KeyAt<StudyChapter>(0)).Concat(adopted.Select(g => g.KeyAt<StudyChapter>(0))).Distinct().Order();
        var byChapterAndStatus = chapters.ToDictionary(c => c, c => new RecommendationCounts(
            (int)proposed.Where(g => g.KeyAt<StudyChapter>(0) == c).Sum(g => g.Count),
            (int)adopted.Where(g => g.KeyAt<StudyChapter>(0) == c).Sum(g => g.Count),
            (int)proposed.Where(g => g.KeyAt<StudyChapter>(0) == c && g.KeyAt<RecommendationStatus>(1) == RecommendationStatus.Withdrawn).Sum(g => g.Count)));
        var listedDocuments = await documents.ListAsync(new Query(published, []), cancellationToken);

        return new ExpertGroupSummaryResponse(
            year,
            Count(byStatus, MeetingStatus.Held),
            (int)postponed,
            Count(byStatus, MeetingStatus.Cancelled),
            (int)byType.Sum(g => g.Count),
            byType.ToDictionary(g => g.KeyAt<DocumentType>(0), g => (int)g.Count),
            (int)await documents.SumAsync(published, "languageCount", cancellationToken),
            byLanguage,
            new RecommendationCounts(
                byChapterAndStatus.Values.Sum(c => c.Proposed), byChapterAndStatus.Values.Sum(c => c.Adopted), byChapterAndStatus.Values.Sum(c => c.Withdrawn)),
            byChapterAndStatus.Where(c => c.Value.Proposed > 0).ToDictionary(c => c.Key, c => c.Value.Proposed),
            byChapterAndStatus,
            [.. ofTheYear
                .OrderBy(m => m.StartDate).ThenBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => new MeetingListed(m.Title, m.Sequence, m.Body, m.Format, m.Status, m.StartDate, m.EndDate, m.OriginalStartDate, m.OriginalEndDate))],
            [.. listedDocuments
                .OrderBy(d => d.Symbol, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => new DocumentListed(d.Symbol, d.Title, d.Type, [.. d.Languages.Order(StringComparer.Ordinal)]))]);
    }

    private static int Count<TStatus>(IReadOnlyList<Group> groups, TStatus status) where TStatus : struct, Enum =>
        (int)groups.Where(g => g.KeyAt<TStatus>(0).Equals(status)).Sum(g => g.Count);
}
