using System.Security.Claims;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

/// <summary><c>GET /training/sessions/{id}</c>, and the access rule every session route shares.</summary>
internal static class GetSession
{
    public static void MapGetSession(this RouteGroupBuilder training) =>
        training.MapGet("/sessions/{id:guid}", async (Guid id, ClaimsPrincipal user, IDocumentCollection<TrainingSession> sessions, CancellationToken cancellationToken) =>
            {
                var (session, denied) = await FindOwnAsync(sessions, id, user, cancellationToken);
                return denied ?? TypedResults.Ok(session);
            })
            .WithSummary("One of the caller's office's sessions.");

    /// <summary>The session, or the problem to answer: 404 when it does not exist, 403 when another office owns it.</summary>
    public static async Task<(TrainingSession? Session, IResult? Denied)> FindOwnAsync(
        IDocumentCollection<TrainingSession> sessions, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(id.ToString(), cancellationToken);
        if (session is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such session.", detail: $"Session {id} does not exist."));
        }

        return user.CanWrite(session.Office)
            ? (session, null)
            : (null, TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The session belongs to another office.",
                detail: "An office reads and writes only its own records."));
    }
}
