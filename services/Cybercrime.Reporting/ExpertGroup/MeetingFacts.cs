using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.ExpertGroup;

/// <summary>
/// What reporting knows of a meeting: the year of its final dates (where it counts as held or cancelled,
/// and where its recommendations count) and of its original start date (where it counts as postponed),
/// and what the summary lists of it.
/// </summary>
internal sealed class MeetingFacts : IDocument
{
    public const string CollectionName = "expert-group-meetings";

    public static readonly string[] Indexes = ["year,status", "originalYear,postponed"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    /// <summary>The year of the final start date: the meeting is "of" that year.</summary>
    public required int Year { get; init; }

    public required int OriginalYear { get; init; }

    public required bool Postponed { get; init; }

    public required MeetingStatus Status { get; init; }

    // What the summary lists of the meeting: defaults in facts kept before it did, until a rebuild.
    public string Title { get; init; } = "";

    public int Sequence { get; init; }

    public MeetingBody Body { get; init; }

    public MeetingFormat Format { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    /// <summary>The dates first set, when the meeting was postponed since; null otherwise.</summary>
    public DateOnly? OriginalStartDate { get; init; }

    public DateOnly? OriginalEndDate { get; init; }

    public static MeetingFacts From(IMeetingEvent e) => new()
    {
        Id = e.MeetingId.ToString(),
        Version = e.Version,
        Year = e.Meeting.StartDate.Year,
        OriginalYear = (e.Meeting.History.Count > 0 ? e.Meeting.History[0].StartDate : e.Meeting.StartDate).Year,
        Postponed = e.Meeting.History.Count > 0,
        Status = e.Meeting.Status,
        Title = e.Meeting.Title,
        Sequence = e.Meeting.Sequence,
        Body = e.Meeting.Body,
        Format = e.Meeting.Format,
        StartDate = e.Meeting.StartDate,
        EndDate = e.Meeting.EndDate,
        OriginalStartDate = e.Meeting.History.Count > 0 ? e.Meeting.History[0].StartDate : null,
        OriginalEndDate = e.Meeting.History.Count > 0 ? e.Meeting.History[0].EndDate : null,
    };
}
