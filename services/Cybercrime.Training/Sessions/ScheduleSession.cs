using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

internal sealed record SessionCreated(string Id);

/// <summary>
/// <c>POST /training/sessions</c>: an office schedules a session of its own, and counts it. Schedulings of
/// one office take turns, so that concurrent ones queue on the office's count rather than conflict on it.
/// </summary>
internal static class ScheduleSession
{
    public static void MapScheduleSession(this RouteGroupBuilder training) =>
        training.MapPost("/sessions", HandleAsync)
            .WithSummary("Schedules a training session for the caller's office.")
            .Produces<SessionCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        SessionRequest request, ClaimsPrincipal user, HttpContext http, TrainingStore training, TimeProvider clock) =>
        training.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            if (request.Validate(errors) is not { } details)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var office = user.Office()!;
            var (session, scheduled) = TrainingSession.Schedule(office, details, clock.GetUtcNow());
            var count = await OfficeSessions.OfAsync(training, office, http.RequestAborted);
            var changes = new Changes().Save(session, 0, scheduled).Save(count.Next(), count.Version);
            return CommandOutcome.Commit(changes, StatusCodes.Status201Created, new SessionCreated(session.Id), $"/training/sessions/{session.Id}");
        }, turn: $"office:{user.Office()}");
}
