using System.Text.Json.Serialization;
using Cybercrime.Contracts.Training;
using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

/// <summary>
/// A training session an office runs: the aggregate behind the session events, and the keeper of its
/// places. Every change to an enrolment saves the session too, at its next version, in the same
/// commit: that is what keeps capacity and the waitlist exact under concurrent requests.
/// </summary>
internal sealed record TrainingSession : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required SessionDetails Details { get; init; }

    public required SessionStatus Status { get; init; }

    public IReadOnlyList<Headcount> Headcounts { get; init; } = [];

    /// <summary>Enrolments holding a place: registered, attended, completed or no-show.</summary>
    public int PlacesTaken { get; init; }

    public int Waitlisted { get; init; }

    /// <summary>Hands out waitlist positions, so promotion follows the order people asked.</summary>
    public long NextWaitlistPosition { get; init; }

    /// <summary>
    /// Enrolments by status, kept like the places. Null on a session stored before they were kept:
    /// <see cref="TrainingStore.FindOwnSessionAsync"/> counts them from the registrations then, and the
    /// session's next save keeps them.
    /// </summary>
    public EnrolmentCounts? Enrolments { get; init; }

    [JsonIgnore]
    public int? FreePlaces => Details.Capacity is { } capacity ? Math.Max(0, capacity - PlacesTaken) : null;

    [JsonIgnore]
    public bool HasRoom => FreePlaces is null or > 0;

    public static (TrainingSession Session, TrainingSessionScheduled Scheduled) Schedule(string office, SessionDetails details, DateTimeOffset now)
    {
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Version = 1,
            Office = office,
            Details = details,
            Status = SessionStatus.Scheduled,
            Enrolments = new EnrolmentCounts(),
        };
        return (session, new TrainingSessionScheduled(Guid.NewGuid(), now, office, session.Key, session.Version, session.Snapshot()));
    }

    public (TrainingSession Session, TrainingSessionAmended Amended) Amend(SessionDetails details, DateTimeOffset now)
    {
        var amended = Next() with { Details = details };
        return (amended, new TrainingSessionAmended(Guid.NewGuid(), now, Office, Key, amended.Version, amended.Snapshot()));
    }

    public (TrainingSession Session, TrainingSessionCancelled Cancelled) Cancel(DateTimeOffset now)
    {
        var cancelled = Next() with { Status = SessionStatus.Cancelled };
        return (cancelled, new TrainingSessionCancelled(Guid.NewGuid(), now, Office, Key, cancelled.Version, cancelled.Snapshot()));
    }

    public (TrainingSession Session, HeadcountRecorded Recorded) RecordHeadcount(IReadOnlyList<Headcount> headcounts, DateTimeOffset now)
    {
        var counted = Next() with { Headcounts = headcounts };
        return (counted, new HeadcountRecorded(Guid.NewGuid(), now, Office, Key, counted.Version, counted.Snapshot()));
    }

    /// <summary>
    /// Headcounts are for webinars, where people are not registered one by one; a session held any other
    /// way registers its participants, and counting both would count people twice.
    /// </summary>
    public static IResult HeadcountRefused(TrainingFormat format) => Problems.Conflict(
        "Only a webinar takes a headcount.",
        $"This session is held {ContractJson.Name(format)}: register its participants instead.");

    /// <summary>
    /// The session after one enrolment moved from <paramref name="from"/> (none for a first registration)
    /// to <paramref name="to"/>: its places, waitlist and counts by status follow.
    /// </summary>
    public TrainingSession Enrol(EnrolmentStatus? from, EnrolmentStatus to) => this with
    {
        PlacesTaken = PlacesTaken + Places(to) - (from is { } f ? Places(f) : 0),
        Waitlisted = Waitlisted + (to == EnrolmentStatus.Waitlisted ? 1 : 0) - (from == EnrolmentStatus.Waitlisted ? 1 : 0),
        Enrolments = Enrolments?.Move(from, to),
    };

    /// <summary>The same session at its next version, for a change that raises no session event (places, waitlist).</summary>
    public TrainingSession Next() => this with { Version = Version + 1 };

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    private static int Places(EnrolmentStatus status) => Registrations.Registration.HoldsPlace(status) ? 1 : 0;

    public TrainingSessionSnapshot Snapshot() => new(
        Details.Title, Details.Topics, Details.Format, Details.Languages, Details.StartDate, Details.EndDate, Details.HostCountry,
        Details.Audiences, Details.Partners, Details.Capacity, Details.TrainTheTrainer, Status, Headcounts);
}

/// <summary>What an office says about a session, validated.</summary>
internal sealed record SessionDetails(
    string Title,
    IReadOnlyList<TrainingTopic> Topics,
    TrainingFormat Format,
    IReadOnlyList<string> Languages,
    DateOnly StartDate,
    DateOnly EndDate,
    string? HostCountry,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<string> Partners,
    int? Capacity,
    bool TrainTheTrainer);
