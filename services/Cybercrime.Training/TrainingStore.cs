using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training;

/// <summary>The training service's own store and collections, and the office rule every session route applies.</summary>
internal sealed class TrainingStore(
    [FromKeyedServices(TrainingService.StoreName)] DocumentStore store,
    IDocumentCollection<TrainingSession> sessions,
    IDocumentCollection<Registration> registrations,
    IDocumentCollection<OfficeSessions> offices)
{
    public DocumentStore Store => store;

    public IDocumentCollection<TrainingSession> Sessions => sessions;

    public IDocumentCollection<Registration> Registrations => registrations;

    public IDocumentCollection<OfficeSessions> Offices => offices;

    /// <summary>The session, or the problem to answer: 404 when it does not exist, 403 when another office owns it.</summary>
    public async Task<(TrainingSession? Session, IResult? Denied)> FindOwnSessionAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var session = await Sessions.FindAsync(id.ToString(), cancellationToken);
        if (session is null)
        {
            return (null, Problems.NotFound("No such session.", $"Session {id} does not exist."));
        }

        return user.CanWrite(session.Office)
            ? (await WithEnrolmentsAsync(session, cancellationToken), null)
            : (null, Problems.Forbidden("The session belongs to another office.", "An office reads and writes only its own records."));
    }

    /// <summary>
    /// A session stored before it kept its enrolments by status gets them counted from the registrations'
    /// <c>sessionId,status</c> index, one count per status. Inside a command this is exact: every
    /// enrolment change saves the session at its next version, so a change committed since would make
    /// this command's commit conflict and be decided again. The command's save then keeps the counts.
    /// </summary>
    private async Task<TrainingSession> WithEnrolmentsAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        if (session.Enrolments is not null)
        {
            return session;
        }

        var counts = new Dictionary<EnrolmentStatus, int>();
        foreach (var status in Enum.GetValues<EnrolmentStatus>())
        {
            var filter = Filter.Equal("sessionId", session.Id).And(Filter.Equal("status", status));
            counts[status] = (int)await Registrations.CountAsync(filter, cancellationToken);
        }

        return session with { Enrolments = EnrolmentCounts.Of(counts) };
    }

    /// <summary>As <see cref="FindOwnSessionAsync"/>, and 409 with <paramref name="whenCancelled"/> when the session is cancelled.</summary>
    public async Task<(TrainingSession? Session, IResult? Denied)> FindOpenSessionAsync(
        Guid id, ClaimsPrincipal user, string whenCancelled, CancellationToken cancellationToken)
    {
        var (session, denied) = await FindOwnSessionAsync(id, user, cancellationToken);
        return session?.Status == SessionStatus.Cancelled ? (null, Problems.Conflict(whenCancelled, session.Status)) : (session, denied);
    }
}
