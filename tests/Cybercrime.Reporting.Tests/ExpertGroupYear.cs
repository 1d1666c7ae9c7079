using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// Two years of expert-group events, each aggregate's events in order, with the summary they must give.
/// 2020: the sixth meeting postponed from April to July and held; the seventh postponed from November
/// 2020 to April 2021; the Ad Hoc Committee's organizational session moved twice into 2021; one meeting
/// cancelled. Documents: preliminary recommendations (English 2020, French added 2021), an agenda in
/// three languages superseded in 2021, a report withdrawn, a study of 2021.
/// </summary>
internal static class ExpertGroupYear
{
    public static readonly Guid Sixth = Guid.NewGuid();
    public static readonly Guid Seventh = Guid.NewGuid();
    public static readonly Guid Organizational = Guid.NewGuid();
    public static readonly Guid Cancelled = Guid.NewGuid();

    public static IReadOnlyList<IIntegrationEvent> Events()
    {
        var events = new List<IIntegrationEvent>();
        events.AddRange(Meeting(Sixth, MeetingBody.ExpertGroup, new(2020, 4, 6), [(new(2020, 7, 27), null)], MeetingStatus.Held));
        events.AddRange(Meeting(Seventh, MeetingBody.ExpertGroup, new(2020, 11, 2), [(new(2021, 4, 6), null)], MeetingStatus.Held));
        events.AddRange(Meeting(Organizational, MeetingBody.AdHocCommittee, new(2020, 8, 3), [(new(2021, 1, 11), "74/567"), (new(2021, 5, 10), "75/555")], MeetingStatus.Held));
        events.AddRange(Meeting(Cancelled, MeetingBody.ExpertGroup, new(2020, 12, 1), [], MeetingStatus.Cancelled));

        var recommendations = Guid.NewGuid();
        events.Add(Document(recommendations, 1, DocumentType.PreliminaryRecommendations, DocumentStatus.Published, new(2020, 7, 27), [Revision(1, new(2020, 7, 27), ("en", new(2020, 7, 27)))]));
        events.Add(Document(recommendations, 2, DocumentType.PreliminaryRecommendations, DocumentStatus.Published, new(2020, 7, 27),
            [Revision(1, new(2020, 7, 27), ("en", new(2020, 7, 27)), ("fr", new(2021, 2, 1)))]));
        var agenda = Guid.NewGuid();
        var agendaFirst = Revision(1, new(2020, 7, 1), ("en", new(2020, 7, 1)), ("es", new(2020, 7, 1)), ("fr", new(2020, 7, 1)));
        events.Add(Document(agenda, 1, DocumentType.Agenda, DocumentStatus.Published, new(2020, 7, 1), [agendaFirst]));
        events.Add(Document(agenda, 2, DocumentType.Agenda, DocumentStatus.Published, new(2020, 7, 1), [agendaFirst, Revision(2, new(2021, 1, 5), ("en", new(2021, 1, 5)))], superseded: true));
        var report = Guid.NewGuid();
        var reportRevision = Revision(1, new(2020, 8, 1), ("en", new(2020, 8, 1)), ("ru", new(2020, 8, 1)));
        events.Add(Document(report, 1, DocumentType.Report, DocumentStatus.Published, new(2020, 8, 1), [reportRevision]));
        events.Add(Document(report, 2, DocumentType.Report, DocumentStatus.Withdrawn, new(2020, 8, 1), [reportRevision]));
        events.Add(Document(Guid.NewGuid(), 1, DocumentType.Study, DocumentStatus.Published, new(2021, 3, 1), [Revision(1, new(2021, 3, 1), ("ar", new(2021, 3, 1)))]));

        events.AddRange(Recommendation(Sixth, StudyChapter.InternationalCooperation, RecommendationStatus.Adopted, Seventh));
        events.AddRange(Recommendation(Sixth, StudyChapter.Prevention, RecommendationStatus.Adopted, Sixth));
        events.AddRange(Recommendation(Sixth, StudyChapter.Prevention, RecommendationStatus.Withdrawn, null));
        events.AddRange(Recommendation(Seventh, StudyChapter.Criminalization, RecommendationStatus.Preliminary, null));
        return events;
    }

    /// <summary>A meeting scheduled at <paramref name="start"/>, moved to each of <paramref name="moves"/>, then held or cancelled.</summary>
    private static IEnumerable<IIntegrationEvent> Meeting(Guid id, MeetingBody body, DateOnly start, (DateOnly Start, string? Decision)[] moves, MeetingStatus end)
    {
        var history = new List<EarlierDates>();
        var current = start;
        var version = 1;
        yield return new MeetingScheduled(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version++, Snapshot(body, current, MeetingStatus.Scheduled, history));
        foreach (var (moved, decision) in moves)
        {
            history.Add(new EarlierDates(current, current.AddDays(2), MeetingFormat.InPerson, decision));
            current = moved;
            yield return new MeetingPostponed(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version++, Snapshot(body, current, MeetingStatus.Scheduled, [.. history]));
        }

        var last = Snapshot(body, current, end, [.. history]);
        yield return end == MeetingStatus.Held
            ? new MeetingHeld(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version, last)
            : new MeetingCancelled(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version, last);
    }

    private static MeetingSnapshot Snapshot(MeetingBody body, DateOnly start, MeetingStatus status, IReadOnlyList<EarlierDates> history) =>
        new(body, 6, "Meeting", start, start.AddDays(2), "Vienna", MeetingFormat.Hybrid, [StudyChapter.Prevention], status, history);

    private static RevisionSnapshot Revision(int number, DateOnly published, params (string Language, DateOnly On)[] versions) =>
        new(number, published, [.. versions.Select(v => new LanguageVersion(v.Language, new string('a', 64), 1000, v.On))]);

    private static IIntegrationEvent Document(Guid id, long version, DocumentType type, DocumentStatus status, DateOnly first, IReadOnlyList<RevisionSnapshot> revisions, bool superseded = false)
    {
        var snapshot = new DocumentSnapshot(Symbol(type), $"The {type}", type, Sixth, "en", status, first, revisions[^1].Number, revisions);
        return status == DocumentStatus.Withdrawn
            ? new DocumentWithdrawn(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version, snapshot)
            : superseded
                ? new DocumentSuperseded(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version, snapshot)
                : new DocumentPublished(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, version, snapshot);
    }

    public static string Symbol(DocumentType type) => type switch
    {
        DocumentType.Agenda => "UNODC/CCPCJ/EG.4/2020/1",
        DocumentType.PreliminaryRecommendations => "UNODC/CCPCJ/EG.4/2020/2",
        DocumentType.Report => "UNODC/CCPCJ/EG.4/2020/3",
        _ => "UNODC/CCPCJ/EG.4/2021/1",
    };

    private static IEnumerable<IIntegrationEvent> Recommendation(Guid meeting, StudyChapter chapter, RecommendationStatus end, Guid? adoptedAt)
    {
        var id = Guid.NewGuid();
        yield return new RecommendationProposed(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, 1, new(meeting, chapter, "Text", RecommendationStatus.Preliminary, null));
        if (adoptedAt is { } at)
        {
            yield return new RecommendationAdopted(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, 2, new(meeting, chapter, "Text", RecommendationStatus.Adopted, at));
        }

        if (end == RecommendationStatus.Withdrawn)
        {
            yield return new RecommendationWithdrawn(Guid.NewGuid(), DateTimeOffset.UnixEpoch, Offices.Vienna, id, adoptedAt is null ? 2 : 3, new(meeting, chapter, "Text", end, adoptedAt));
        }
    }
}
