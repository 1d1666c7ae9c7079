using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// The figures the store computes equal those of the rules applied in memory to the same facts, on
/// many random years: people in several sessions, whose details change between registrations, sessions
/// cancelled, ending the same day or in other years, and participations of sessions never heard of.
/// </summary>
public abstract class TrainingFiguresContract
{
    protected abstract Task<DocumentStore> CreateStoreAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_store_computes_exactly_the_figures_of_the_rules(int seed)
    {
        var random = new Random(seed);
        var sessions = RandomSessions(random);
        var participations = RandomParticipations(random, sessions);
        var store = await CreateStoreAsync();

        var summary = await FactsStore.SummaryAsync(store, 2020, sessions, participations);
        AssertSame(ReferenceSummary.Compute(2020, sessions, participations), summary);

        var figures = new TrainingFigures(store.Collection<SessionFacts>(), store.Collection<ParticipationFacts>());
        foreach (var year in new[] { 2019, 2021 })
        {
            AssertSame(ReferenceSummary.Compute(year, sessions, participations), await figures.ComputeAsync(year, null, null, null, null, TestContext.Current.CancellationToken));
        }

        var ofGua = await figures.ComputeAsync(2020, "GUA", null, null, null, TestContext.Current.CancellationToken);
        AssertSame(ReferenceSummary.Compute(2020, [.. sessions.Where(s => s.Office == "GUA")], participations), ofGua);
        var ofAfrica = await figures.ComputeAsync(2020, null, ProgrammeRegion.Africa, null, null, TestContext.Current.CancellationToken);
        AssertSame(ReferenceSummary.Compute(2020, [.. sessions.Where(s => s.Region == ProgrammeRegion.Africa)], participations), ofAfrica);
        var onOsint = await figures.ComputeAsync(2020, null, null, TrainingTopic.Osint, null, TestContext.Current.CancellationToken);
        AssertSame(ReferenceSummary.Compute(2020, [.. sessions.Where(s => s.Topics.Contains(TrainingTopic.Osint))], participations), onOsint);
        var online = await figures.ComputeAsync(2020, null, null, null, TrainingFormat.Online, TestContext.Current.CancellationToken);
        AssertSame(ReferenceSummary.Compute(2020, [.. sessions.Where(s => s.Format == TrainingFormat.Online)], participations), online);
    }

    internal static void AssertSame(TrainingSummaryResponse expected, TrainingSummaryResponse actual)
    {
        Assert.Equal(
            (expected.PractitionersTrained, expected.Countries, expected.Participations, expected.Completions, expected.TrainTheTrainerGraduates, expected.HeadcountParticipants),
            (actual.PractitionersTrained, actual.Countries, actual.Participations, actual.Completions, actual.TrainTheTrainerGraduates, actual.HeadcountParticipants));
        Assert.Equal((expected.CriminalJusticePractitioners, expected.CriminalJusticeCountries), (actual.CriminalJusticePractitioners, actual.CriminalJusticeCountries));
        Assert.Equal(Sorted(expected.ByRegion), Sorted(actual.ByRegion));
        Assert.Equal(Sorted(expected.ByTopic), Sorted(actual.ByTopic));
        Assert.Equal(Sorted(expected.ByCountry), Sorted(actual.ByCountry));
        Assert.Equal(Sorted(expected.ByGender), Sorted(actual.ByGender));
        Assert.Equal(Sorted(expected.ByAgencyType), Sorted(actual.ByAgencyType));
        Assert.Equal(Sorted(expected.ByFormat), Sorted(actual.ByFormat));
        Assert.Equal(Sorted(expected.ByOffice), Sorted(actual.ByOffice));
    }

    private static List<KeyValuePair<TKey, int>> Sorted<TKey>(IReadOnlyDictionary<TKey, int> counts) where TKey : notnull =>
        [.. counts.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)];

    private static List<SessionFacts> RandomSessions(Random random)
    {
        var offices = Offices.All.ToArray();
        var topics = Enum.GetValues<TrainingTopic>();
        var formats = Enum.GetValues<TrainingFormat>();
        return [.. Enumerable.Range(0, 40).Select(_ =>
        {
            // Few distinct end dates, so that people often complete two sessions ending the same day.
            var end = random.Next(10) == 0 ? new DateOnly(2019 + (random.Next(2) * 2), 6, 1) : new DateOnly(2020, 1 + random.Next(3), 10);
            var office = offices[random.Next(offices.Length)];
            return new SessionFacts
            {
                Id = Guid.NewGuid().ToString(),
                Version = 1,
                Office = office,
                Region = Offices.RegionOf(office),
                Topics = [.. topics.OrderBy(_ => random.Next()).Take(1 + random.Next(3))],
                Format = formats[random.Next(formats.Length)],
                EndDate = end,
                EndYear = end.Year,
                TrainTheTrainer = random.Next(4) == 0,
                Cancelled = random.Next(8) == 0,
                Headcounts = random.Next(5) == 0 ? [new Headcount("SEN", Gender.Female, random.Next(1000))] : [],
            };
        })];
    }

    private static List<ParticipationFacts> RandomParticipations(Random random, List<SessionFacts> sessions)
    {
        string[] countries = ["GTM", "HND", "SLV", "SEN", "KEN", "THA"];
        var statuses = Enum.GetValues<EnrolmentStatus>();
        var participations = new List<ParticipationFacts>();
        foreach (var office in sessions.Select(s => s.Office).Distinct())
        {
            var own = sessions.Where(s => s.Office == office).ToList();
            for (var person = 0; person < 60; person++)
            {
                var id = Guid.NewGuid();
                var (country, gender, agency) = (countries[random.Next(countries.Length)], (Gender)random.Next(4), (AgencyType)random.Next(5));
                foreach (var session in own.OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
                {
                    if (random.Next(3) == 0)
                    {
                        // People change: a later registration may give another country, gender or agency.
                        (country, gender, agency) = (countries[random.Next(countries.Length)], (Gender)random.Next(4), (AgencyType)random.Next(5));
                    }

                    participations.Add(Participation(office, session.Id, id, country, gender, agency, random.Next(2) == 0 ? EnrolmentStatus.Completed : statuses[random.Next(statuses.Length)]));
                }
            }

            participations.Add(Participation(office, Guid.NewGuid().ToString(), Guid.NewGuid(), "GTM", Gender.Male, AgencyType.Judiciary, EnrolmentStatus.Completed));
        }

        return participations;
    }

    private static ParticipationFacts Participation(
        string office, string sessionId, Guid participant, string country, Gender gender, AgencyType agency, EnrolmentStatus status) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Version = 1,
        Office = office,
        SessionId = sessionId,
        ParticipantId = participant,
        Gender = gender,
        CountryCode = country,
        AgencyType = agency,
        Status = status,
    };
}
