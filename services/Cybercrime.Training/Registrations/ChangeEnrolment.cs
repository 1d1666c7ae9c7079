using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Registrations;

/// <summary>
/// <c>POST /training/sessions/{id}/registrations/{registrationId}/attendance | completion | cancellation | no-show</c>.
/// A cancellation frees its place for the first waitlisted participant. An illegal step answers 409
/// naming the current state.
/// </summary>
internal static class ChangeEnrolment
{
    public static void MapChangeEnrolment(this RouteGroupBuilder training)
    {
        Map(training, "attendance", EnrolmentAction.Attendance, "Records that a registered participant attended.");
        Map(training, "completion", EnrolmentAction.Completion, "Records that a participant completed the session.");
        Map(training, "cancellation", EnrolmentAction.Cancellation, "Cancels a registration; its place goes to the waitlist.");
        Map(training, "no-show", EnrolmentAction.NoShow, "Records that a registered participant did not come.");
    }

    private static void Map(RouteGroupBuilder training, string route, EnrolmentAction action, string summary) =>
        training.MapPost($"/sessions/{{id:guid}}/registrations/{{registrationId:guid}}/{route}",
                (Guid id, Guid registrationId, ClaimsPrincipal user, HttpContext http, TrainingStore store, TimeProvider clock) =>
                    HandleAsync(id, registrationId, action, user, http, store, clock))
            .WithSummary(summary)
            .Produces<RegistrationView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        Guid id, Guid registrationId, EnrolmentAction action, ClaimsPrincipal user, HttpContext http, TrainingStore training, TimeProvider clock) =>
        training.Store.RunAsync(http, $"{registrationId}", async () =>
        {
            var (session, denied) = await training.FindOwnSessionAsync(id, user, http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            var registration = await training.Registrations.FindAsync(registrationId.ToString(), http.RequestAborted);
            if (registration is null || registration.SessionId != session!.Id)
            {
                return CommandOutcome.Refuse(Problems.NotFound("No such registration.", $"Session {id} has no registration {registrationId}."));
            }

            var now = clock.GetUtcNow();
            var result = Enrolment.Apply(session, registration, action, now);
            if (result is Enrolment.Refused refused)
            {
                return CommandOutcome.Refuse(refused.Problem);
            }

            var applied = (Enrolment.Applied)result;
            var changes = new Changes().Save(applied.Registration, registration.Version, applied.Event());
            var next = await Enrolment.PromoteWaitlistedAsync(training, applied.Session, changes, now, http.RequestAborted);
            changes.Save(next, session.Version);
            var r = applied.Registration;
            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, new RegistrationView(r.Id, r.ParticipantId, r.Status, r.WaitlistPosition));
        }, turn: $"{id}");
}
