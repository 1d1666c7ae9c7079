using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Dashboard.Tests;

/// <summary>
/// A small 2020 as the producing services would publish it, spread over offices of three regions so
/// that the office filter changes every office-bound chart: trainings, evidence requests with their
/// outcomes, campaign figures by period and channel, a meeting of the Expert Group and its recommendations.
/// </summary>
internal static class YearOfFacts
{
    private static readonly DateTimeOffset At = new(2020, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<IIntegrationEvent> Events()
    {
        List<IIntegrationEvent> events = [];
        Training(events, "GUA", [TrainingTopic.DigitalEvidence, TrainingTopic.InternationalCooperation], new(2020, 9, 18), ["GTM", "HND", "SLV"], people: 7);
        Training(events, "BKK", [TrainingTopic.Cryptocurrency, TrainingTopic.DarknetInvestigations], new(2020, 11, 20), ["THA", "VNM"], people: 4);
        Training(events, "DKR", [TrainingTopic.Ocsea], new(2020, 12, 4), ["SEN", "CIV"], people: 3);

        Request(events, "GUA", EvidenceProvider.Facebook, null, new(2020, 2, 3), 12);
        Request(events, "GUA", EvidenceProvider.Facebook, null, new(2020, 3, 2), 20);
        Request(events, "GUA", null, "USA", new(2020, 4, 1), 95);
        Request(events, "BKK", EvidenceProvider.Google, null, new(2020, 5, 4), 9);

        Campaign(events, "GUA", [("2020-03", Channel.Tv, 1_200_000), ("2020-05", Channel.Tv, 28_500_000), ("2020-Q2", Channel.Twitter, 1_700_000), ("2020-Q2", Channel.Linkedin, 1_100_000)]);
        Campaign(events, "BKK", [("2020-06", Channel.Facebook, 240_000), ("2020-Q3", Channel.Youtube, 90_000)]);

        ExpertGroupMeeting(events);
        return events;
    }

    private static void Training(List<IIntegrationEvent> events, string office, TrainingTopic[] topics, DateOnly end, string[] countries, int people)
    {
        var session = Guid.NewGuid();
        events.Add(new TrainingSessionScheduled(Guid.NewGuid(), At, office, session, 1, new TrainingSessionSnapshot(
            "Session", topics, TrainingFormat.Online, ["en"], end.AddDays(-3), end, null, [], [], null, false, SessionStatus.Scheduled, [])));
        for (var i = 0; i < people; i++)
        {
            var gender = i % 3 == 2 ? Gender.Male : Gender.Female;
            var agency = i % 2 == 0 ? AgencyType.LawEnforcement : AgencyType.Prosecution;
            events.Add(new ParticipantCompleted(Guid.NewGuid(), At, office, Guid.NewGuid(), 4,
                new ParticipationSnapshot(session, Guid.NewGuid(), gender, countries[i % countries.Length], agency, null, EnrolmentStatus.Completed)));
        }
    }

    private static void Request(List<IIntegrationEvent> events, string office, EvidenceProvider? provider, string? state, DateOnly submitted, int days) =>
        events.Add(new EvidenceRequestCompleted(Guid.NewGuid(), At, office, Guid.NewGuid(), 3, new EvidenceRequestSnapshot(
            "GTM", AgencyType.Prosecution, provider, state, EvidenceRequestType.SubscriberInformation, CrimeCategory.Ocsea, EvidencePriority.Standard,
            $"case-{Guid.NewGuid():N}", EvidenceRequestStatus.Completed, submitted, submitted.AddDays(1), submitted.AddDays(30), null,
            EvidenceOutcome.Fulfilled, null, submitted.AddDays(days), false)));

    private static void Campaign(List<IIntegrationEvent> events, string office, (string Period, Channel Channel, long Views)[] figures)
    {
        var campaign = Guid.NewGuid();
        events.Add(new CampaignLaunched(Guid.NewGuid(), At, office, campaign, 1, new CampaignSnapshot(
            $"Campaign of {office}", [CampaignAudience.Children], ["GTM"], ["es"], [.. figures.Select(f => f.Channel).Distinct()], [],
            new(2020, 1, 1), new(2020, 12, 31), CampaignStatus.Running)));
        events.AddRange(figures.Select(f => new ObservationRecorded(
            Guid.NewGuid(), At, office, Guid.NewGuid(), 1, campaign, f.Channel, ReachMetric.Views, f.Period, "GTM", "es", f.Views, null)));
    }

    private static void ExpertGroupMeeting(List<IIntegrationEvent> events)
    {
        var meeting = Guid.NewGuid();
        events.Add(new MeetingHeld(Guid.NewGuid(), At, Offices.Vienna, meeting, 3, new MeetingSnapshot(
            MeetingBody.ExpertGroup, 6, "Sixth meeting", new(2020, 7, 27), new(2020, 7, 29), "Vienna", MeetingFormat.Hybrid,
            [StudyChapter.LawEnforcementAndInvestigations, StudyChapter.ElectronicEvidenceAndCriminalJustice], MeetingStatus.Held,
            [new EarlierDates(new(2020, 4, 6), new(2020, 4, 8), MeetingFormat.InPerson, null)])));
        (StudyChapter Chapter, RecommendationStatus Status)[] recommendations =
        [
            (StudyChapter.LawEnforcementAndInvestigations, RecommendationStatus.Adopted),
            (StudyChapter.LawEnforcementAndInvestigations, RecommendationStatus.Preliminary),
            (StudyChapter.LawEnforcementAndInvestigations, RecommendationStatus.Withdrawn),
            (StudyChapter.ElectronicEvidenceAndCriminalJustice, RecommendationStatus.Adopted),
            (StudyChapter.ElectronicEvidenceAndCriminalJustice, RecommendationStatus.Preliminary),
        ];
        foreach (var (chapter, status) in recommendations)
        {
            var snapshot = new RecommendationSnapshot(meeting, chapter, "Recommendation", status, status == RecommendationStatus.Adopted ? meeting : null);
            var id = Guid.NewGuid();
            events.Add(status switch
            {
                RecommendationStatus.Adopted => new RecommendationAdopted(Guid.NewGuid(), At, Offices.Vienna, id, 2, snapshot),
                RecommendationStatus.Withdrawn => new RecommendationWithdrawn(Guid.NewGuid(), At, Offices.Vienna, id, 2, snapshot),
                _ => new RecommendationProposed(Guid.NewGuid(), At, Offices.Vienna, id, 1, snapshot),
            });
        }
    }
}
