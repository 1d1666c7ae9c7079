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

                var groups = await store.Registrations.GroupAsync(Filter.Equal("sessionId", session!.Id), ["status"], cancellationToken: cancellationToken);
                var counted = groups.ToDictionary(g => g.KeyAt<EnrolmentStatus>(0), g => (int)g.Count);
                var counts = Enum.GetValues<EnrolmentStatus>().ToDictionary(status => status, status => counted.GetValueOrDefault(status));
                return TypedResults.Ok(SessionView.Of(session, counts));
            })
            .WithSummary("One of the caller's office's sessions, with its enrolments by status.");
}
