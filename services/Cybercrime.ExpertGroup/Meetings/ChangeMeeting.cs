using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Meetings;

/// <summary>
/// <c>POST /expert-group/meetings/{id}/postponement</c>, <c>/held</c> and <c>/cancellation</c>: only a
/// scheduled meeting moves, takes place or is called off; a held or cancelled one answers 409.
/// </summary>
internal static class ChangeMeeting
{
    public static void MapChangeMeeting(this RouteGroupBuilder group)
    {
        group.MapPost("/meetings/{id:guid}/postponement", (Guid id, PostponementRequest request, HttpContext http, MeetingRoute route) =>
                route.ChangeAsync(http, id, request, (meeting, now) =>
                {
                    var errors = new ValidationErrors();
                    // A change of format or venue alone is not a postponement: it would count as one and repeat the dates in the history.
                    errors.Check(request.StartDate != meeting.Details.StartDate || request.EndDate != meeting.Details.EndDate,
                        "startDate", $"The meeting is already on these dates ({meeting.Details.StartDate:yyyy-MM-dd} to {meeting.Details.EndDate:yyyy-MM-dd}).");
                    return request.Validate(errors, out var venue, out var decision)
                        ? Changed(meeting.Postpone(request.StartDate!.Value, request.EndDate!.Value, request.Format ?? meeting.Details.Format, venue, decision, now))
                        : (null, errors.ToResult());
                }))
            .WithSummary("Moves a meeting to new dates; its earlier dates stay in its history.")
            .Produces<MeetingView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/meetings/{id:guid}/held", (Guid id, HttpContext http, MeetingRoute route) =>
                route.ChangeAsync(http, id, id.ToString(), (meeting, now) => DateOnly.FromDateTime(now.UtcDateTime) < meeting.Details.StartDate
                    ? (null, Problems.Conflict("The meeting has not started.", $"It starts on {meeting.Details.StartDate:yyyy-MM-dd}: record it as held once it has taken place."))
                    : Changed(meeting.Hold(now))))
            .WithSummary("Records that a meeting took place.")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/meetings/{id:guid}/cancellation", (Guid id, HttpContext http, MeetingRoute route) =>
                route.ChangeAsync(http, id, id.ToString(), (meeting, now) => Changed(meeting.Cancel(now))))
            .WithSummary("Calls a meeting off.")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static (Changes?, IResult?) Changed<TEvent>((Meeting Meeting, TEvent Event) change) where TEvent : IMeetingEvent =>
        (new Changes().Save(change.Meeting, change.Meeting.Version - 1, change.Event), null);
}

/// <summary>Finds the meeting, refuses a change to one no longer scheduled, and commits what the change decided.</summary>
internal sealed class MeetingRoute([FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store, IDocumentCollection<Meeting> meetings, TimeProvider clock)
{
    public Task<IResult> ChangeAsync(HttpContext http, Guid id, object request, Func<Meeting, DateTimeOffset, (Changes? Changes, IResult? Refused)> change) =>
        store.RunAsync(http, request, async () =>
        {
            var meeting = await meetings.FindAsync(id.ToString(), http.RequestAborted);
            if (meeting is null)
            {
                return CommandOutcome.Refuse(Problems.NotFound("No such meeting.", $"Meeting {id} does not exist."));
            }

            if (meeting.Status != MeetingStatus.Scheduled)
            {
                return CommandOutcome.Refuse(Problems.Conflict("Only a scheduled meeting is postponed, held or cancelled.", meeting.Status));
            }

            var (changes, refused) = change(meeting, clock.GetUtcNow());
            if (refused is not null)
            {
                return CommandOutcome.Refuse(refused);
            }

            var changed = (Meeting)changes!.Writes[0].Document;
            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, MeetingView.Of(changed));
        }, turn: id.ToString());
}
