using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.ExpertGroup.Recommendations;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.ExpertGroup.Public;

internal sealed record MeetingPage(IReadOnlyList<MeetingView> Items, int Page, int PageSize, long Total);

internal sealed record ChapterRecommendations(StudyChapter Chapter, IReadOnlyList<RecommendationView> Recommendations);

internal sealed record ConsolidatedList(IReadOnlyList<ChapterRecommendations> Chapters, int Total);

/// <summary>
/// <c>GET /public/expert-group/meetings</c> (by start date, paged) and <c>…/meetings/{id}</c>, each with
/// every date it was set for before; <c>GET /public/expert-group/recommendations</c>: the consolidated
/// list, the adopted recommendations by chapter.
/// </summary>
internal static class PublicMeetings
{
    public const int MaxPageSize = 100;

    public static void MapPublicMeetings(this RouteGroupBuilder open)
    {
        open.MapGet("/meetings", async (IDocumentCollection<Meeting> meetings, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
            {
                var errors = new ValidationErrors();
                errors.Check(page is >= 1 and <= int.MaxValue / MaxPageSize, "page", "Pages are numbered from 1.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} meetings.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var items = await meetings.ListAsync(new Query(Filter.All, [Sort.Ascending("details.startDate"), Sort.Ascending("id")], (page - 1) * pageSize, pageSize), cancellationToken);
                return TypedResults.Ok(new MeetingPage([.. items.Select(MeetingView.Of)], page, pageSize, await meetings.CountAsync(Filter.All, cancellationToken)));
            })
            .WithSummary("Meetings by start date, each with its earlier dates.")
            .Produces<MeetingPage>()
            .ProducesValidationProblem();
        open.MapGet("/meetings/{id:guid}", async (Guid id, IDocumentCollection<Meeting> meetings, CancellationToken cancellationToken) =>
                await meetings.FindAsync(id.ToString(), cancellationToken) is { } meeting
                    ? Results.Ok(MeetingView.Of(meeting))
                    : Problems.NotFound("No such meeting.", $"Meeting {id} does not exist."))
            .WithSummary("A meeting with its earlier dates.")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapConsolidatedList(this RouteGroupBuilder open) =>
        open.MapGet("/recommendations", async (IDocumentCollection<Recommendation> recommendations, CancellationToken cancellationToken) =>
            {
                // The Group's list is some dozens of recommendations: read whole, in chapter order, from the index.
                var adopted = await recommendations.ListAsync(
                    new Query(Filter.Equal("status", RecommendationStatus.Adopted), [Sort.Ascending("chapter"), Sort.Ascending("id")]), cancellationToken);
                var chapters = adopted.GroupBy(r => r.Chapter).OrderBy(g => g.Key)
                    .Select(g => new ChapterRecommendations(g.Key, [.. g.Select(RecommendationView.Of)]));
                return TypedResults.Ok(new ConsolidatedList([.. chapters], adopted.Count));
            })
            .WithSummary("The consolidated list: the adopted recommendations, by chapter of the study.")
            .Produces<ConsolidatedList>();
}
