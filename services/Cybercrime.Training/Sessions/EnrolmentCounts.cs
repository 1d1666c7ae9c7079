using Cybercrime.Contracts.Training;

namespace Cybercrime.Training.Sessions;

/// <summary>
/// A session's enrolments by status, kept on the session in the same commit as each enrolment change,
/// so that reading a session costs one document however many registered.
/// </summary>
internal sealed record EnrolmentCounts
{
    public int Registered { get; init; }

    public int Waitlisted { get; init; }

    public int Attended { get; init; }

    public int Completed { get; init; }

    public int Cancelled { get; init; }

    public int NoShow { get; init; }

    public static EnrolmentCounts Of(IReadOnlyDictionary<EnrolmentStatus, int> counts) =>
        Enum.GetValues<EnrolmentStatus>().Aggregate(new EnrolmentCounts(), (all, status) => all.Add(status, counts.GetValueOrDefault(status)));

    public int Of(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Registered => Registered,
        EnrolmentStatus.Waitlisted => Waitlisted,
        EnrolmentStatus.Attended => Attended,
        EnrolmentStatus.Completed => Completed,
        EnrolmentStatus.Cancelled => Cancelled,
        EnrolmentStatus.NoShow => NoShow,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown enrolment status."),
    };

    /// <summary>One enrolment moves from <paramref name="from"/> (none for a first registration) to <paramref name="to"/>.</summary>
    public EnrolmentCounts Move(EnrolmentStatus? from, EnrolmentStatus to) => (from is { } f ? Add(f, -1) : this).Add(to, 1);

    public IReadOnlyDictionary<EnrolmentStatus, int> ToDictionary() => Enum.GetValues<EnrolmentStatus>().ToDictionary(s => s, Of);

    private EnrolmentCounts Add(EnrolmentStatus status, int n) => status switch
    {
        EnrolmentStatus.Registered => this with { Registered = Registered + n },
        EnrolmentStatus.Waitlisted => this with { Waitlisted = Waitlisted + n },
        EnrolmentStatus.Attended => this with { Attended = Attended + n },
        EnrolmentStatus.Completed => this with { Completed = Completed + n },
        EnrolmentStatus.Cancelled => this with { Cancelled = Cancelled + n },
        EnrolmentStatus.NoShow => this with { NoShow = NoShow + n },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown enrolment status."),
    };
}
