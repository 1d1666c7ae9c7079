using Cybercrime.Contracts.ExpertGroup;

namespace Cybercrime.ExpertGroup.Meetings;

/// <summary>A meeting as the API shows it, with every date it was set for before.</summary>
internal sealed record MeetingView(
    string Id, MeetingBody Body, int Sequence, string Title, DateOnly StartDate, DateOnly EndDate, string Venue, MeetingFormat Format,
    IReadOnlyList<StudyChapter> Chapters, MeetingStatus Status, IReadOnlyList<EarlierDates> History)
{
    public static MeetingView Of(Meeting m) => new(
        m.Id, m.Details.Body, m.Details.Sequence, m.Details.Title, m.Details.StartDate, m.Details.EndDate, m.Details.Venue, m.Details.Format,
        m.Details.Chapters, m.Status, m.History);
}
