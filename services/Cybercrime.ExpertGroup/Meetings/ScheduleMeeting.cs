using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Meetings;

internal sealed record Created(string Id);

/// <summary><c>POST /expert-group/meetings</c>: a meeting of the Expert Group or the Ad Hoc Committee is scheduled.</summary>
internal static class ScheduleMeeting
{
    public static void MapScheduleMeeting(this RouteGroupBuilder group) =>
        group.MapPost("/meetings", (MeetingRequest request, HttpContext http, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store, TimeProvider clock) =>
                store.RunAsync(http, request, () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not { } details)
                    {
                        return Task.FromResult(CommandOutcome.Refuse(errors.ToResult()));
                    }

                    var (meeting, scheduled) = Meeting.Schedule(details, clock.GetUtcNow());
                    return Task.FromResult(CommandOutcome.Commit(
                        new Changes().Save(meeting, 0, scheduled), StatusCodes.Status201Created, new Created(meeting.Id), $"/public/expert-group/meetings/{meeting.Id}"));
                }))
            .WithSummary("Schedules a meeting.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
