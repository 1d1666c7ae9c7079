using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Recommendations;

internal sealed record RecommendationRequest(Guid? MeetingId, StudyChapter? Chapter, string? Text);

internal sealed record AdoptionRequest(Guid? MeetingId);

internal sealed record RecommendationView(string Id, string MeetingId, StudyChapter Chapter, string Text, RecommendationStatus Status, string? AdoptedAtMeetingId)
{
    public static RecommendationView Of(Recommendation r) => new(r.Id, r.MeetingId, r.Chapter, r.Text, r.Status, r.AdoptedAtMeetingId);
}

/// <summary>
/// <c>POST /expert-group/recommendations</c> (preliminary, proposed at a meeting), <c>…/{id}/adoption</c>
/// (adopted at a meeting that has started, only from preliminary) and <c>…/{id}/withdrawal</c> (from preliminary or adopted).
/// </summary>
internal static class ProposeRecommendation
{
    public const int MaxTextLength = 4000;

    public static void MapProposeRecommendation(this RouteGroupBuilder group) =>
        group.MapPost("/recommendations", (RecommendationRequest request, HttpContext http, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store,
                IDocumentCollection<Meeting> meetings, TimeProvider clock) =>
                store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    errors.Check(request.Chapter is { } c && Enum.IsDefined(c), "chapter", $"The chapter is one of {ContractJson.Names<StudyChapter>()}.");
                    FreeText.Check(errors, "text", request.Text, MaxTextLength, out var text, "The recommendation's text is required.");
                    var meeting = await MeetingAsync(request.MeetingId, meetings, errors, http.RequestAborted);
                    if (errors.Any)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var (proposed, @event) = Recommendation.Propose(meeting!.Key, request.Chapter!.Value, text!, clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(proposed, 0, @event), StatusCodes.Status201Created, new Created(proposed.Id));
                }))
            .WithSummary("Records a preliminary recommendation proposed at a meeting.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapChangeRecommendation(this RouteGroupBuilder group)
    {
        group.MapPost("/recommendations/{id:guid}/adoption", (Guid id, AdoptionRequest request, HttpContext http, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store,
                IDocumentCollection<Recommendation> recommendations, IDocumentCollection<Meeting> meetings, TimeProvider clock) =>
                store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    var now = clock.GetUtcNow();
                    var meeting = await MeetingAsync(request.MeetingId, meetings, errors, http.RequestAborted);
                    // Adopted at a meeting that has taken place: one still to come would put it in the consolidated list, and in its year, too early.
                    errors.Check(meeting is null || DateOnly.FromDateTime(now.UtcDateTime) >= meeting.Details.StartDate,
                        "meetingId", $"Meeting {request.MeetingId} has not started: it starts on {meeting?.Details.StartDate:yyyy-MM-dd}.");
                    if (errors.Any)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var found = await recommendations.FindAsync(id.ToString(), http.RequestAborted);
                    if (Refusal(found, id, RecommendationStatus.Preliminary) is { } refused)
                    {
                        return refused;
                    }

                    var (adopted, @event) = found!.Adopt(meeting!.Key, now);
                    return CommandOutcome.Commit(new Changes().Save(adopted, found.Version, @event), StatusCodes.Status200OK, RecommendationView.Of(adopted));
                }, turn: id.ToString()))
            .WithSummary("Adopts a preliminary recommendation at a meeting: it joins the consolidated list.")
            .Produces<RecommendationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/recommendations/{id:guid}/withdrawal", (Guid id, HttpContext http, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store,
                IDocumentCollection<Recommendation> recommendations, TimeProvider clock) =>
                store.RunAsync(http, id.ToString(), async () =>
                {
                    var found = await recommendations.FindAsync(id.ToString(), http.RequestAborted);
                    if (Refusal(found, id, null) is { } refused)
                    {
                        return refused;
                    }

                    var (withdrawn, @event) = found!.Withdraw(clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(withdrawn, found.Version, @event), StatusCodes.Status200OK, RecommendationView.Of(withdrawn));
                }, turn: id.ToString()))
            .WithSummary("Withdraws a recommendation, preliminary or adopted.")
            .Produces<RecommendationView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>404 for a missing recommendation; 409 for a withdrawn one, or one not in <paramref name="required"/> when given.</summary>
    private static CommandOutcome? Refusal(Recommendation? found, Guid id, RecommendationStatus? required) => found switch
    {
        null => CommandOutcome.Refuse(Problems.NotFound("No such recommendation.", $"Recommendation {id} does not exist.")),
        { Status: RecommendationStatus.Withdrawn } => CommandOutcome.Refuse(Problems.Conflict("The recommendation is withdrawn.", found.Status)),
        _ when required is { } status && found.Status != status => CommandOutcome.Refuse(Problems.Conflict($"Only a {ContractJson.Name(status)} recommendation is adopted.", found.Status)),
        _ => null,
    };

    private static async Task<Meeting?> MeetingAsync(Guid? id, IDocumentCollection<Meeting> meetings, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!errors.Check(id is not null, "meetingId", "The meeting is required."))
        {
            return null;
        }

        var meeting = await meetings.FindAsync(id!.Value.ToString(), cancellationToken);
        errors.Check(meeting is not null, "meetingId", $"Meeting {id} does not exist.");
        errors.Check(meeting is not { Status: MeetingStatus.Cancelled }, "meetingId", $"Meeting {id} was cancelled.");
        return meeting;
    }
}
