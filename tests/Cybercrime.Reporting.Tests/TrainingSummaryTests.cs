using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>The summary's rules, computed by a real (SQLite) store from the facts.</summary>
public sealed class TrainingSummaryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-reporting-").FullName;

    private static readonly TrainingSessionScheduled May = TrainingFacts.Session(new DateOnly(2020, 5, 8), [TrainingTopic.DigitalForensics, TrainingTopic.Osint]);
    private static readonly TrainingSessionScheduled November = TrainingFacts.Session(
        new DateOnly(2020, 11, 20), [TrainingTopic.Osint], office: "BKK", format: TrainingFormat.InPerson, trainTheTrainer: true);
    private static readonly TrainingSessionScheduled NextYear = TrainingFacts.Session(new DateOnly(2021, 1, 15), [TrainingTopic.Cryptocurrency]);

    [Fact]
    public async Task A_practitioner_who_completed_two_sessions_counts_once_with_their_latest_attributes()
    {
        var ana = Guid.NewGuid();
        var summary = await ComputeAsync(
            TrainingFacts.In(May, ana, country: "GTM", agency: AgencyType.LawEnforcement).Completion,
            TrainingFacts.In(November, ana, country: "HND", agency: AgencyType.Prosecution).Completion);

        Assert.Equal((1, 1, 2, 2), (summary.PractitionersTrained, summary.Countries, summary.Participations, summary.Completions));
        Assert.Equal(new Dictionary<AgencyType, int> { [AgencyType.Prosecution] = 1 }, summary.ByAgencyType);
        Assert.Equal(new Dictionary<string, int> { ["HND"] = 1 }, summary.ByCountry);
        Assert.Equal(new Dictionary<TrainingTopic, int> { [TrainingTopic.DigitalForensics] = 1, [TrainingTopic.Osint] = 1 }, summary.ByTopic);
        Assert.Equal(new Dictionary<TrainingFormat, int> { [TrainingFormat.Online] = 1, [TrainingFormat.InPerson] = 1 }, summary.ByFormat);
    }

    [Fact]
    public async Task Only_completions_train_and_only_places_taken_up_count_as_participations()
    {
        var summary = await ComputeAsync(
            TrainingFacts.In(May, Guid.NewGuid()).Registration,
            TrainingFacts.In(May, Guid.NewGuid()).Attendance,
            TrainingFacts.In(May, Guid.NewGuid()).Waitlisting,
            TrainingFacts.In(May, Guid.NewGuid()).Cancellation,
            TrainingFacts.In(May, Guid.NewGuid()).NoShow,
            TrainingFacts.In(May, Guid.NewGuid(), Gender.Male, "SLV").Completion);

        Assert.Equal((1, 1, 3, 1), (summary.PractitionersTrained, summary.Countries, summary.Participations, summary.Completions));
        Assert.Equal(new Dictionary<Gender, int> { [Gender.Male] = 1 }, summary.ByGender);
    }

    [Fact]
    public async Task Cancelled_sessions_other_years_and_unknown_sessions_are_left_out()
    {
        var cancelled = TrainingFacts.Session(new DateOnly(2020, 3, 1), [TrainingTopic.Ocsea]);
        var unknown = TrainingFacts.Session(new DateOnly(2020, 3, 1), [TrainingTopic.Ocsea]);

        var summary = await SummaryAsync(
            [SessionFacts.From(TrainingFacts.Cancelled(cancelled)), SessionFacts.From(NextYear)],
            Facts(TrainingFacts.In(NextYear, Guid.NewGuid()).Completion, TrainingFacts.In(cancelled, Guid.NewGuid()).Completion, TrainingFacts.In(unknown, Guid.NewGuid()).Completion));

        Assert.Equal((0, 0, 0), (summary.PractitionersTrained, summary.Countries, summary.Participations));
        Assert.Empty(summary.ByTopic);
    }

    [Fact]
    public async Task Train_the_trainer_graduates_and_headcounts_are_counted_apart_from_practitioners()
    {
        var webinar = TrainingFacts.Session(new DateOnly(2020, 8, 1), [TrainingTopic.Ocsea], format: TrainingFormat.Webinar);
        var counted = TrainingFacts.Headcount(webinar, 2, new Headcount("SEN", Gender.Female, 300), new Headcount("CIV", Gender.Male, 120));
        var trainer = Guid.NewGuid();

        var summary = await SummaryAsync(
            [SessionFacts.From(May), SessionFacts.From(November), SessionFacts.From(counted)],
            Facts(TrainingFacts.In(November, trainer).Completion, TrainingFacts.In(November, Guid.NewGuid()).Registration, TrainingFacts.In(May, trainer).Completion));

        Assert.Equal((1, 1, 420), (summary.PractitionersTrained, summary.TrainTheTrainerGraduates, summary.HeadcountParticipants));
    }

    [Fact]
    public async Task Headcounts_beyond_what_an_int_holds_are_summed_without_overflow()
    {
        // Facts recorded before headcounts were bounded: 215 lines of ten million in each of three webinars.
        var countries = Cybercrime.Contracts.IsoCodes.Countries.Order(StringComparer.Ordinal).Take(215).ToArray();
        var webinars = Enumerable.Range(0, 3).Select(_ => SessionFacts.From(TrainingFacts.Headcount(
            TrainingFacts.Session(new DateOnly(2020, 8, 1), [TrainingTopic.Ocsea], format: TrainingFormat.Webinar), 2,
            [.. countries.Select(c => new Headcount(c, Gender.Female, 10_000_000))]))).ToList();

        var summary = await SummaryAsync(webinars, []);

        Assert.Equal(3L * 215 * 10_000_000, summary.HeadcountParticipants);
    }

    [Fact]
    public async Task Breakdowns_sum_to_the_practitioners_and_offices_are_counted_apart()
    {
        var summary = await ComputeAsync(
            TrainingFacts.In(May, Guid.NewGuid(), Gender.Female, "GTM").Completion,
            TrainingFacts.In(May, Guid.NewGuid(), Gender.Male, "GTM").Completion,
            TrainingFacts.In(November, Guid.NewGuid(), Gender.Undisclosed, "THA", AgencyType.Judiciary).Completion);

        Assert.Equal((3, 2), (summary.PractitionersTrained, summary.Countries));
        Assert.Equal(3, summary.ByGender.Values.Sum());
        Assert.Equal(3, summary.ByAgencyType.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["GUA"] = 2, ["BKK"] = 1 }, summary.ByOffice);
        Assert.Equal(3, summary.ByTopic[TrainingTopic.Osint]);
    }

    [Fact]
    public async Task Criminal_justice_practitioners_are_law_enforcement_prosecutors_and_judges_and_regions_follow_the_offices()
    {
        var summary = await ComputeAsync(
            TrainingFacts.In(May, Guid.NewGuid(), country: "GTM", agency: AgencyType.LawEnforcement).Completion,
            TrainingFacts.In(May, Guid.NewGuid(), country: "GTM", agency: AgencyType.Prosecution).Completion,
            TrainingFacts.In(May, Guid.NewGuid(), country: "SLV", agency: AgencyType.Education).Completion,
            TrainingFacts.In(November, Guid.NewGuid(), country: "THA", agency: AgencyType.Judiciary).Completion,
            TrainingFacts.In(November, Guid.NewGuid(), country: "LAO", agency: AgencyType.CentralBank).Completion,
            TrainingFacts.In(November, Guid.NewGuid(), country: "KHM", agency: AgencyType.FinancialIntelligenceUnit).Completion,
            TrainingFacts.In(November, Guid.NewGuid(), country: "VNM", agency: AgencyType.Prosecution).Registration);

        Assert.Equal((6, 5), (summary.PractitionersTrained, summary.Countries));
        Assert.Equal((3, 2), (summary.CriminalJusticePractitioners, summary.CriminalJusticeCountries));
        Assert.Equal(new Dictionary<ProgrammeRegion, int> { [ProgrammeRegion.LatinAmericaCaribbean] = 3, [ProgrammeRegion.AsiaPacific] = 3 }, summary.ByRegion);
    }

    [Fact]
    public async Task A_repeater_is_a_criminal_justice_practitioner_by_their_latest_completion_and_counts_once()
    {
        var (policeThenTeacher, teacherThenJudge, twiceProsecutor) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var summary = await ComputeAsync(
            TrainingFacts.In(May, policeThenTeacher, country: "GTM", agency: AgencyType.LawEnforcement).Completion,
            TrainingFacts.In(November, policeThenTeacher, country: "GTM", agency: AgencyType.Education).Completion,
            TrainingFacts.In(May, teacherThenJudge, country: "SLV", agency: AgencyType.Education).Completion,
            TrainingFacts.In(November, teacherThenJudge, country: "HND", agency: AgencyType.Judiciary).Completion,
            TrainingFacts.In(May, twiceProsecutor, country: "GTM", agency: AgencyType.Prosecution).Completion,
            TrainingFacts.In(November, twiceProsecutor, country: "HND", agency: AgencyType.Prosecution).Completion);

        Assert.Equal((3, 6), (summary.PractitionersTrained, summary.Completions));
        Assert.Equal((2, 1), (summary.CriminalJusticePractitioners, summary.CriminalJusticeCountries));
        Assert.Equal(new Dictionary<ProgrammeRegion, int> { [ProgrammeRegion.AsiaPacific] = 3 }, summary.ByRegion);
    }

    [Fact]
    public async Task A_topic_or_a_format_narrows_the_sessions_counted()
    {
        var person = Guid.NewGuid();
        var events = Facts(
            TrainingFacts.In(May, person, country: "GTM").Completion,
            TrainingFacts.In(November, person, country: "THA").Completion,
            TrainingFacts.In(May, Guid.NewGuid(), country: "SLV", agency: AgencyType.Education).Completion);

        var forensics = await SummaryAsync(events, topic: TrainingTopic.DigitalForensics);
        var inPerson = await SummaryAsync(events, format: TrainingFormat.InPerson);
        var osintOnline = await SummaryAsync(events, topic: TrainingTopic.Osint, format: TrainingFormat.Online);
        var crypto = await SummaryAsync(events, topic: TrainingTopic.Cryptocurrency);

        Assert.Equal((2, 2, 1, 1), (forensics.PractitionersTrained, forensics.Countries, forensics.CriminalJusticePractitioners, forensics.CriminalJusticeCountries));
        Assert.Equal(new Dictionary<string, int> { ["GTM"] = 1, ["SLV"] = 1 }, forensics.ByCountry);
        Assert.Equal((1, 1, "THA"), (inPerson.PractitionersTrained, inPerson.CriminalJusticePractitioners, inPerson.ByCountry.Single().Key));
        Assert.Equal((2, 2), (osintOnline.PractitionersTrained, osintOnline.Completions));
        Assert.Equal((0, 0), (crypto.PractitionersTrained, crypto.Participations));
    }

    [Fact]
    public void Offices_belong_to_the_programme_regions()
    {
        Assert.Equal(
            [ProgrammeRegion.Global, ProgrammeRegion.LatinAmericaCaribbean, ProgrammeRegion.LatinAmericaCaribbean, ProgrammeRegion.Africa, ProgrammeRegion.Africa, ProgrammeRegion.AsiaPacific],
            new[] { "VIE", "GUA", "SAL", "NBO", "DKR", "BKK" }.Select(Offices.RegionOf));
        Assert.Equal(ProgrammeRegion.AsiaPacific, SessionFacts.From(November).Region);
    }

    private static List<ParticipationFacts> Facts(params IParticipantEvent[] events) => [.. events.Select(ParticipationFacts.From)];

    private Task<TrainingSummaryResponse> ComputeAsync(params IParticipantEvent[] events) => SummaryAsync(Facts(events));

    private Task<TrainingSummaryResponse> SummaryAsync(List<ParticipationFacts> participations, TrainingTopic? topic = null, TrainingFormat? format = null) =>
        SummaryAsync([SessionFacts.From(May), SessionFacts.From(November), SessionFacts.From(NextYear)], participations, topic, format);

    /// <summary>The 2020 summary a fresh store computes, checked against the rules applied in memory to the sessions asked for.</summary>
    private async Task<TrainingSummaryResponse> SummaryAsync(
        List<SessionFacts> sessions, List<ParticipationFacts> participations, TrainingTopic? topic = null, TrainingFormat? format = null)
    {
        var store = new SqliteDocumentStore("reporting", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), FactsStore.Definitions);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var summary = await FactsStore.SummaryAsync(store, 2020, sessions, participations, topic: topic, format: format);
        var asked = sessions.Where(s => (topic is not { } t || s.Topics.Contains(t)) && (format is not { } f || s.Format == f)).ToList();
        TrainingFiguresContract.AssertSame(ReferenceSummary.Compute(2020, asked, participations), summary);
        return summary;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
