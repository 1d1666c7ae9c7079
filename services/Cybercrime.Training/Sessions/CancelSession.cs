using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

/// <summary><c>POST /training/sessions/{id}/cancellation</c>: the session will not take place; reporting leaves it out.</summary>
internal static class CancelSession
{
    public static void MapCancelSession(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/cancellation", (Guid id, ClaimsPrincipal user, HttpContext http, TrainingStore training, TimeProvider clock) =>
                training.Store.RunAsync(http, id.ToString(), async () =>
                {
                    var (session, denied) = await training.FindOpenSessionAsync(id, user, "The session is already cancelled.", http.RequestAborted);
                    if (denied is not null)
                    {
                        return CommandOutcome.Refuse(denied);
                    }

                    var (cancelled, @event) = session!.Cancel(clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(cancelled, session.Version, @event), StatusCodes.Status200OK, SessionView.Of(cancelled));
                }, turn: $"{id}"))
            .WithSummary("Cancels a session.")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
