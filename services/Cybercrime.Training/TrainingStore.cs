using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training;

/// <summary>The training service's own store and collections, and the office rule every session route applies.</summary>
internal sealed class TrainingStore(
    [FromKeyedServices(TrainingService.StoreName)] DocumentStore store,
    IDocumentCollection<TrainingSession> sessions,
    IDocumentCollection<Registration> registrations)
{
    public DocumentStore Store => store;

    public IDocumentCollection<TrainingSession> Sessions => sessions;

    public IDocumentCollection<Registration> Registrations => registrations;

    /// <summary>The session, or the problem to answer: 404 when it does not exist, 403 when another office owns it.</summary>
    public async Task<(TrainingSession? Session, IResult? Denied)> FindOwnSessionAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var session = await Sessions.FindAsync(id.ToString(), cancellationToken);
        if (session is null)
        {
            return (null, Problems.NotFound("No such session.", $"Session {id} does not exist."));
        }

        return user.CanWrite(session.Office)
            ? (session, null)
            : (null, Problems.Forbidden("The session belongs to another office.", "An office reads and writes only its own records."));
    }

    /// <summary>As <see cref="FindOwnSessionAsync"/>, and 409 with <paramref name="whenCancelled"/> when the session is cancelled.</summary>
    public async Task<(TrainingSession? Session, IResult? Denied)> FindOpenSessionAsync(
        Guid id, ClaimsPrincipal user, string whenCancelled, CancellationToken cancellationToken)
    {
        var (session, denied) = await FindOwnSessionAsync(id, user, cancellationToken);
        return session?.Status == SessionStatus.Cancelled ? (null, Problems.Conflict(whenCancelled, session.Status)) : (session, denied);
    }
}
