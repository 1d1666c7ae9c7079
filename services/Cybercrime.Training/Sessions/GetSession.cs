using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Training.Sessions;

/// <summary><c>GET /training/sessions/{id}</c>: one of the office's sessions with its enrolments counted by status.</summary>
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

                // One count per status rather than one grouped count: each is answered from the
                // sessionId,status index alone, where grouping would read every registration's document.
                var counts = new Dictionary<EnrolmentStatus, int>();
                foreach (var status in Enum.GetValues<EnrolmentStatus>())
                {
                    var filter = Filter.Equal("sessionId", session!.Id).And(Filter.Equal("status", status));
                    counts[status] = (int)await store.Registrations.CountAsync(filter, cancellationToken);
                }

                return TypedResults.Ok(SessionView.Of(session!, counts));
            })
            .WithSummary("One of the caller's office's sessions, with its enrolments by status.");
}
