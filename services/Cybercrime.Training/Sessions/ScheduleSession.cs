using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

internal sealed record SessionCreated(string Id);

/// <summary><c>POST /training/sessions</c>: an office schedules a session of its own.</summary>
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
        training.Store.RunAsync(http, request, () =>
        {
            var errors = new ValidationErrors();
            if (request.Validate(errors) is not { } details)
            {
                return Task.FromResult(CommandOutcome.Refuse(errors.ToResult()));
            }

            var (session, scheduled) = TrainingSession.Schedule(user.Office()!, details, clock.GetUtcNow());
            return Task.FromResult(CommandOutcome.Commit(
                new Changes().Save(session, 0, scheduled), StatusCodes.Status201Created, new SessionCreated(session.Id), $"/training/sessions/{session.Id}"));
        });
}
