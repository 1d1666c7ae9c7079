using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Meetings;

internal sealed record Created(string Id);

/// <summary><c>POST /expert-group/meetings</c>: a meeting of the Expert Group or the Ad Hoc Committee is scheduled.</summary>
internal static class ScheduleMeeting
{
    public static void MapScheduleMeeting(this RouteGroupBuilder group) =>
        group.MapPost("/meetings", (MeetingRequest request, HttpContext http, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store,
                IDocumentCollection<SequenceClaim> sequences, TimeProvider clock) =>
                store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not { } details)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var key = SequenceClaim.Key(details);
                    if (await sequences.FindAsync(key, http.RequestAborted) is { } taken)
                    {
                        return CommandOutcome.Refuse(Problems.Conflict("The meeting number is taken.",
                            $"Meeting {taken.MeetingId} is already number {details.Sequence} of {ContractJson.Name(details.Body)}."));
                    }

                    var (meeting, scheduled) = Meeting.Schedule(details, clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(meeting, 0, scheduled).Save(new SequenceClaim(key, 1, meeting.Id), 0),
                        StatusCodes.Status201Created, new Created(meeting.Id), $"/public/expert-group/meetings/{meeting.Id}");
                }))
            .WithSummary("Schedules a meeting.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
