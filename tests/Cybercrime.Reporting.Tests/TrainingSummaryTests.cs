using Cybercrime.Contracts.Training;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Tests;

public sealed class TrainingSummaryTests
{
    private static readonly TrainingSessionScheduled May = TrainingFacts.Session(new DateOnly(2020, 5, 8), TrainingTopic.DigitalForensics, TrainingTopic.Osint);
    private static readonly TrainingSessionScheduled November = TrainingFacts.Session(new DateOnly(2020, 11, 20), TrainingTopic.Osint);
    private static readonly TrainingSessionScheduled NextYear = TrainingFacts.Session(new DateOnly(2021, 1, 15), TrainingTopic.Cryptocurrency);

    [Fact]
    public void A_practitioner_who_completed_two_sessions_counts_once_with_their_latest_attributes()
    {
        var ana = Guid.NewGuid();
        var facts = Facts(
            TrainingFacts.Participant(May, ana, country: "GTM", agency: AgencyType.LawEnforcement).Completed,
            TrainingFacts.Participant(November, ana, country: "HND", agency: AgencyType.Prosecution).Completed);

        var summary = Compute(facts);

        Assert.Equal((1, 1, 2), (summary.PractitionersTrained, summary.Countries, summary.Participations));
        Assert.Equal(new Dictionary<AgencyType, int> { [AgencyType.Prosecution] = 1 }, summary.ByAgencyType);
        Assert.Equal(new Dictionary<TrainingTopic, int> { [TrainingTopic.DigitalForensics] = 1, [TrainingTopic.Osint] = 1 }, summary.ByTopic);
    }

    [Fact]
    public void Registered_but_not_completed_counts_as_a_participation_only()
    {
        var facts = Facts(
            TrainingFacts.Participant(May, Guid.NewGuid()).Registered,
            TrainingFacts.Participant(May, Guid.NewGuid(), gender: Gender.Male, country: "SLV").Completed);

        var summary = Compute(facts);

        Assert.Equal((1, 1, 2), (summary.PractitionersTrained, summary.Countries, summary.Participations));
        Assert.Equal(new Dictionary<Gender, int> { [Gender.Male] = 1 }, summary.ByGender);
    }

    [Fact]
    public void Sessions_ending_in_another_year_and_participations_without_a_known_session_are_left_out()
    {
        var orphanSession = TrainingFacts.Session(new DateOnly(2020, 3, 1), TrainingTopic.Ocsea);
        var facts = Facts(
            TrainingFacts.Participant(NextYear, Guid.NewGuid()).Completed,
            TrainingFacts.Participant(orphanSession, Guid.NewGuid()).Completed);

        var summary = Compute(facts);

        Assert.Equal((0, 0, 0), (summary.PractitionersTrained, summary.Countries, summary.Participations));
        Assert.Empty(summary.ByTopic);
    }

    [Fact]
    public void Countries_are_distinct_and_breakdowns_sum_to_the_practitioners()
    {
        var facts = Facts(
            TrainingFacts.Participant(May, Guid.NewGuid(), Gender.Female, "GTM").Completed,
            TrainingFacts.Participant(May, Guid.NewGuid(), Gender.Male, "GTM").Completed,
            TrainingFacts.Participant(November, Guid.NewGuid(), Gender.Undisclosed, "BLZ", AgencyType.Judiciary).Completed);

        var summary = Compute(facts);

        Assert.Equal((3, 2), (summary.PractitionersTrained, summary.Countries));
        Assert.Equal(3, summary.ByGender.Values.Sum());
        Assert.Equal(3, summary.ByAgencyType.Values.Sum());
        Assert.Equal(3, summary.ByTopic[TrainingTopic.Osint]);
    }

    private static List<ParticipationFacts> Facts(params ParticipantCompleted[] completed) => [.. completed.Select(ParticipationFacts.From)];

    private static List<ParticipationFacts> Facts(ParticipantRegistered registered, ParticipantCompleted completed) =>
        [ParticipationFacts.From(registered), ParticipationFacts.From(completed)];

    private static TrainingSummaryResponse Compute(List<ParticipationFacts> participations) =>
        TrainingSummary.Compute(2020, [SessionFacts.From(May), SessionFacts.From(November), SessionFacts.From(NextYear)], participations);
}
