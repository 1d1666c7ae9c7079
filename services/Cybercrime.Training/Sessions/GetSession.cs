using System.Security.Claims;

namespace Cybercrime.Training.Sessions;

/// <summary><c>GET /training/sessions/{id}</c>: one of the office's sessions with its enrolments by status, as the session keeps them.</summary>
internal static class GetSession
{
    public static void MapGetSession(this RouteGroupBuilder training) =>
        training.MapGet("/sessions/{id:guid}", async (Guid id, ClaimsPrincipal user, TrainingStore store, CancellationToken cancellationToken) =>
            {
                var (session, denied) = await store.FindOwnSessionAsync(id, user, cancellationToken);
                if (denied is not null)
                {
                    return denied;
                }

                return TypedResults.Ok(SessionView.Of(session!, session!.Enrolments!.ToDictionary()));
            })
            .WithSummary("One of the caller's office's sessions, with its enrolments by status.")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
