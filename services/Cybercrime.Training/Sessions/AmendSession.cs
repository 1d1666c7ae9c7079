using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Registrations;

namespace Cybercrime.Training.Sessions;

/// <summary>
/// <c>PUT /training/sessions/{id}</c>: replaces what the office says about a session (same body as
/// scheduling). More places promote waitlisted participants in the order they asked; fewer places
/// than are already taken is refused.
/// </summary>
internal static class AmendSession
{
    public static void MapAmendSession(this RouteGroupBuilder training) =>
        training.MapPut("/sessions/{id:guid}", HandleAsync)
            .WithSummary("Amends a session: title, dates, capacity, languages, topics, delivery.")
            .Produces<SessionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        Guid id, SessionRequest request, ClaimsPrincipal user, HttpContext http, TrainingStore training, TimeProvider clock) =>
        training.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            if (request.Validate(errors) is not { } details)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (session, denied) = await training.FindOpenSessionAsync(id, user, "A cancelled session cannot be amended.", http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            if (session!.Headcounts.Count > 0 && details.Format != TrainingFormat.Webinar)
            {
                return CommandOutcome.Refuse(Problems.Conflict(
                    "A webinar with a headcount stays a webinar.",
                    $"Its people were counted, not registered; clear the headcount (PUT .../headcount with no counts) before holding it {ContractJson.Name(details.Format)}."));
            }

            if (details.Capacity < session.PlacesTaken)
            {
                var problem = new ValidationErrors();
                problem.Add("capacity", $"{session.PlacesTaken} places are already taken; the capacity cannot go below that.");
                return CommandOutcome.Refuse(problem.ToResult());
            }

            var now = clock.GetUtcNow();
            var (amended, @event) = session.Amend(details, now);
            var changes = new Changes();
            var promoted = await Enrolment.PromoteWaitlistedAsync(training, amended, changes, now, http.RequestAborted);
            changes.Save(promoted, session.Version, @event);
            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, SessionView.Of(promoted));
        }, turn: $"{id}");
}
