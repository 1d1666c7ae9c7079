using System.Text.Json.Serialization;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Meetings;

/// <summary>What the secretariat says about a meeting, validated.</summary>
internal sealed record MeetingDetails(
    MeetingBody Body, int Sequence, string Title, DateOnly StartDate, DateOnly EndDate, string Venue, MeetingFormat Format, IReadOnlyList<StudyChapter> Chapters);

/// <summary>A meeting of the Expert Group or the Ad Hoc Committee: moved as often as decided, every earlier date kept.</summary>
internal sealed record Meeting : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required MeetingDetails Details { get; init; }

    public required MeetingStatus Status { get; init; }

    public IReadOnlyList<EarlierDates> History { get; init; } = [];

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    public static (Meeting Meeting, MeetingScheduled Scheduled) Schedule(MeetingDetails details, DateTimeOffset now)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(now).ToString(), Version = 1, Details = details, Status = MeetingStatus.Scheduled };
        return (meeting, new MeetingScheduled(Guid.NewGuid(), now, ExpertGroupService.Office, meeting.Key, 1, meeting.Snapshot()));
    }

    public (Meeting Meeting, MeetingPostponed Postponed) Postpone(DateOnly startDate, DateOnly endDate, MeetingFormat format, string? venue, string? decision, DateTimeOffset now)
    {
        var moved = this with
        {
            Version = Version + 1,
            History = [.. History, new EarlierDates(Details.StartDate, Details.EndDate, Details.Format, decision)],
            Details = Details with { StartDate = startDate, EndDate = endDate, Format = format, Venue = venue ?? Details.Venue },
        };
        return (moved, new MeetingPostponed(Guid.NewGuid(), now, ExpertGroupService.Office, Key, moved.Version, moved.Snapshot()));
    }

    public (Meeting Meeting, MeetingHeld Held) Hold(DateTimeOffset now)
    {
        var held = this with { Version = Version + 1, Status = MeetingStatus.Held };
        return (held, new MeetingHeld(Guid.NewGuid(), now, ExpertGroupService.Office, Key, held.Version, held.Snapshot()));
    }

    public (Meeting Meeting, MeetingCancelled Cancelled) Cancel(DateTimeOffset now)
    {
        var cancelled = this with { Version = Version + 1, Status = MeetingStatus.Cancelled };
        return (cancelled, new MeetingCancelled(Guid.NewGuid(), now, ExpertGroupService.Office, Key, cancelled.Version, cancelled.Snapshot()));
    }

    public MeetingSnapshot Snapshot() => new(
        Details.Body, Details.Sequence, Details.Title, Details.StartDate, Details.EndDate, Details.Venue, Details.Format, Details.Chapters, Status, History);
}
