using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

/// <summary>What an office may do to a registration, named as the routes name it.</summary>
internal enum EnrolmentAction
{
    Attendance,
    Completion,
    Cancellation,
    NoShow,
}

/// <summary>
/// The enrolment life cycle: registered (or waitlisted while full, promoted in order when a place
/// frees) → attended → completed; completion may be recorded straight from registered, where
/// attendance is not taken separately. Or no-show, or cancelled. Each rule takes the session and
/// returns both changed: places and the waitlist are the session's to keep exact.
/// </summary>
internal static class Enrolment
{
    private static readonly Dictionary<EnrolmentAction, (EnrolmentStatus To, EnrolmentStatus[] From)> Transitions = new()
    {
        [EnrolmentAction.Attendance] = (EnrolmentStatus.Attended, [EnrolmentStatus.Registered]),
        [EnrolmentAction.Completion] = (EnrolmentStatus.Completed, [EnrolmentStatus.Registered, EnrolmentStatus.Attended]),
        [EnrolmentAction.Cancellation] = (EnrolmentStatus.Cancelled, [EnrolmentStatus.Registered, EnrolmentStatus.Waitlisted, EnrolmentStatus.Attended]),
        [EnrolmentAction.NoShow] = (EnrolmentStatus.NoShow, [EnrolmentStatus.Registered]),
    };

    /// <summary>
    /// Registers a participant: a place while there is one, else the end of the waitlist.
    /// <paramref name="existing"/> is their registration for this session, if any; only a cancelled
    /// one may register again.
    /// </summary>
    public static Result Register(TrainingSession session, Registration? existing, ValidParticipant participant, Guid participantId, DateTimeOffset now)
    {
        if (session.Status == SessionStatus.Cancelled)
        {
            return Problems.Conflict("The session is cancelled and takes no registrations.", session.Status);
        }

        if (existing is { Status: not EnrolmentStatus.Cancelled })
        {
            return Problems.Conflict("The participant is already registered for this session.", existing.Status);
        }

        var fresh = Registration.New(session, participant, participantId, now);
        var registration = existing is null ? fresh : fresh with { Version = existing.Version, RegisteredAt = existing.RegisteredAt };
        if (session.HasRoom)
        {
            return new Applied(session.Next().Enrol(existing?.Status, EnrolmentStatus.Registered), registration.Become(EnrolmentStatus.Registered, now), now);
        }

        return new Applied(
            session.Next().Enrol(existing?.Status, EnrolmentStatus.Waitlisted) with { NextWaitlistPosition = session.NextWaitlistPosition + 1 },
            registration.Become(EnrolmentStatus.Waitlisted, now, session.NextWaitlistPosition),
            now);
    }

    /// <summary>Moves a registration along the life cycle; a cancellation frees its place (see <see cref="PromoteWaitlistedAsync"/>).</summary>
    public static Result Apply(TrainingSession session, Registration registration, EnrolmentAction action, DateTimeOffset now)
    {
        if (session.Status == SessionStatus.Cancelled)
        {
            return Problems.Conflict("The session is cancelled; its enrolments no longer change.", session.Status);
        }

        var (to, from) = Transitions[action];
        if (!from.Contains(registration.Status))
        {
            return Problems.Conflict($"Cannot record {ContractJson.Name(action)} for a {ContractJson.Name(registration.Status)} participant.", registration.Status);
        }

        // As the import's rule: who came and who completed is known once the session has begun.
        if (action is EnrolmentAction.Attendance or EnrolmentAction.Completion && session.Details.StartDate > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Problems.Conflict($"The session starts on {session.Details.StartDate:yyyy-MM-dd}: {ContractJson.Name(action)} cannot be recorded before it has begun.", registration.Status);
        }

        return new Applied(session.Next().Enrol(registration.Status, to), registration.Become(to, now), now);
    }

    /// <summary>
    /// Gives free places to waitlisted participants, lowest position first, adding their promotions
    /// to <paramref name="changes"/>; returns the session with its places updated (not yet saved).
    /// </summary>
    public static async Task<TrainingSession> PromoteWaitlistedAsync(
        TrainingStore store, TrainingSession session, Changes changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.Waitlisted == 0 || !session.HasRoom)
        {
            return session;
        }

        var waiting = (await store.Registrations.WhereAsync("sessionId", [session.Id], cancellationToken))
            .Where(r => r.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(r => r.WaitlistPosition)
            .Take(session.FreePlaces ?? int.MaxValue)
            .ToList();
        foreach (var registration in waiting)
        {
            var promoted = registration.Become(EnrolmentStatus.Registered, now);
            changes.Save(promoted, registration.Version, Event(promoted, now, promotion: true));
            session = session.Enrol(EnrolmentStatus.Waitlisted, EnrolmentStatus.Registered);
        }

        return session;
    }

    /// <summary>The event that says a registration reached its current status.</summary>
    public static IParticipantEvent Event(Registration r, DateTimeOffset now, bool promotion = false)
    {
        var (id, at, office, key, version, snapshot) = (Guid.NewGuid(), now, r.Office, r.Key, r.Version, r.Snapshot());
        return r.Status switch
        {
            EnrolmentStatus.Registered when promotion => new ParticipantPromoted(id, at, office, key, version, snapshot),
            EnrolmentStatus.Registered => new ParticipantRegistered(id, at, office, key, version, snapshot),
            EnrolmentStatus.Waitlisted => new ParticipantWaitlisted(id, at, office, key, version, snapshot),
            EnrolmentStatus.Attended => new ParticipantAttended(id, at, office, key, version, snapshot),
            EnrolmentStatus.Completed => new ParticipantCompleted(id, at, office, key, version, snapshot),
            EnrolmentStatus.Cancelled => new ParticipantCancelled(id, at, office, key, version, snapshot),
            EnrolmentStatus.NoShow => new ParticipantNoShow(id, at, office, key, version, snapshot),
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Status, "Unknown enrolment status."),
        };
    }

    /// <summary>A rule's answer: the session and registration as they become, or the problem to answer.</summary>
    internal abstract record Result
    {
        public static implicit operator Result(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem) => new Refused(problem);
    }

    internal sealed record Applied(TrainingSession Session, Registration Registration, DateTimeOffset At) : Result
    {
        public IParticipantEvent Event() => Enrolment.Event(Registration, At);
    }

    internal sealed record Refused(IResult Problem) : Result;
}
