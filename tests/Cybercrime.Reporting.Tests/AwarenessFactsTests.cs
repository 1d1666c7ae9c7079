using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Reporting.Awareness;

namespace Cybercrime.Reporting.Tests;

/// <summary>Reporting's awareness facts in a real (SQLite) store, fed through the consumer's own keeping, and the summary the store adds up.</summary>
public sealed class AwarenessFactsTests : IAsyncLifetime
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-reporting-awareness-").FullName;
    private SqliteDocumentStore _store = null!;
    private AwarenessFactsConsumer _consumer = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteDocumentStore("reporting", Path.Combine(_folder, "reporting.db"),
        [
            new CollectionDefinition(typeof(CampaignFacts), CampaignFacts.CollectionName, CampaignFacts.Indexes),
            new CollectionDefinition(typeof(ObservationFacts), ObservationFacts.CollectionName, ObservationFacts.Indexes),
            new CollectionDefinition(typeof(ActivityFacts), ActivityFacts.CollectionName, ActivityFacts.Indexes),
            new CollectionDefinition(typeof(ActivityCountryFacts), ActivityCountryFacts.CollectionName, ActivityCountryFacts.Indexes),
        ]);
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
        _consumer = new AwarenessFactsConsumer(
            _store.Collection<CampaignFacts>(), _store.Collection<ObservationFacts>(), _store.Collection<ActivityFacts>(), _store.Collection<ActivityCountryFacts>());
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_older_correction_arriving_after_a_newer_one_changes_nothing()
    {
        var key = Guid.NewGuid();
        await KeepAsync(Observed(key, 1, 1_000), Observed(key, 3, 2_800_000, replaced: 2_000_000), Observed(key, 2, 2_000_000, replaced: 1_000));

        var summary = await SummaryAsync();

        Assert.Equal(2_800_000, summary.Views);
        Assert.Equal(new Dictionary<string, long> { ["GTM"] = 2_800_000 }, summary.ViewsByCountry);
    }

    [Fact]
    public async Task The_same_key_corrected_counts_its_latest_value_once_however_often_its_events_come()
    {
        var key = Guid.NewGuid();
        var first = Observed(key, 1, 500);
        var corrected = Observed(key, 2, 700, replaced: 500);
        await KeepAsync(first, corrected, corrected, first, corrected);

        Assert.Equal(700, (await SummaryAsync()).Views);
    }

    [Fact]
    public async Task A_figure_counts_in_its_periods_year_and_without_country_or_language_under_unspecified()
    {
        await KeepAsync(
            Launched("GUA", "Navega seguro", 2019, 2020),
            Observed(Guid.NewGuid(), 1, 100, period: "2020-05", country: "GTM", language: "es"),
            Observed(Guid.NewGuid(), 1, 40, period: "2020-Q4", channel: Channel.Twitter, country: null, language: null),
            Observed(Guid.NewGuid(), 1, 1_000, period: "2019-12-31"),
            Observed(Guid.NewGuid(), 1, 9, period: "2020", metric: ReachMetric.Engagements));

        var summary = await SummaryAsync();

        Assert.Equal(140, summary.Views);
        Assert.Equal(9, summary.ByMetric[ReachMetric.Engagements]);
        Assert.Equal(0, summary.ByMetric[ReachMetric.Downloads]);
        Assert.Equal(Enum.GetValues<ReachMetric>().Length, summary.ByMetric.Count);
        Assert.Equal(new Dictionary<Channel, long> { [Channel.Tv] = 100, [Channel.Twitter] = 40 }, summary.ViewsByChannel);
        Assert.Equal(new Dictionary<string, long> { ["GTM"] = 100, ["unspecified"] = 40 }, summary.ViewsByCountry);
        Assert.Equal(new Dictionary<string, long> { ["es"] = 100, ["unspecified"] = 40 }, summary.ViewsByLanguage);
        Assert.Equal([new CampaignViews(Campaign.ToString(), "Navega seguro", "GUA", 140)], summary.Campaigns);
    }

    [Fact]
    public async Task An_office_sees_its_own_figures_and_campaigns_only()
    {
        var other = Guid.NewGuid();
        await KeepAsync(
            Launched("GUA", "Navega seguro", 2020, 2020),
            Launched("BKK", "Think before you click", 2020, 2021, other),
            Observed(Guid.NewGuid(), 1, 100),
            Observed(Guid.NewGuid(), 1, 7, office: "BKK", campaign: other));

        var gua = await SummaryAsync("GUA");

        Assert.Equal(100, gua.Views);
        Assert.Equal(["Navega seguro"], gua.Campaigns.Select(c => c.Name));
        Assert.Equal(107, (await SummaryAsync()).Views);
    }

    [Fact]
    public async Task An_amended_activity_replaces_its_counts_and_a_country_it_drops_counts_no_more_in_any_order()
    {
        var id = Guid.NewGuid();
        var held = Activity(id, 1, ActivityKind.Webinar, ("GTM", 412), ("HND", 230));
        var amended = Activity(id, 2, ActivityKind.Workshop, ("GTM", 0), ("HND", 250), ("SLV", 10));
        await KeepAsync(amended, held, amended);
        await KeepAsync(Activity(Guid.NewGuid(), 1, ActivityKind.Webinar, ("HND", 5)));

        var summary = await SummaryAsync();

        Assert.Equal((2, 265, 2), (summary.Activities, summary.ActivityParticipants, summary.ActivityCountries));
        Assert.Equal(new Dictionary<ActivityKind, long> { [ActivityKind.Workshop] = 260, [ActivityKind.Webinar] = 5 }, summary.ParticipantsByKind);
        Assert.Equal(new Dictionary<string, long> { ["HND"] = 255, ["SLV"] = 10 }, summary.ParticipantsByCountry);
    }

    [Fact]
    public async Task Views_by_period_keep_the_period_as_recorded_ordered_by_period_then_channel()
    {
        await KeepAsync(
            Observed(Guid.NewGuid(), 1, 30, period: "2020-Q2"),
            Observed(Guid.NewGuid(), 1, 20, period: "2020-03", channel: Channel.Twitter),
            Observed(Guid.NewGuid(), 1, 10, period: "2020-03", country: "HND"),
            Observed(Guid.NewGuid(), 1, 5, period: "2020-03"),
            Observed(Guid.NewGuid(), 1, 7, period: "2020-03-14"),
            Observed(Guid.NewGuid(), 1, 4, period: "2020", channel: Channel.Linkedin),
            Observed(Guid.NewGuid(), 1, 900, period: "2020-03", metric: ReachMetric.Impressions),
            Observed(Guid.NewGuid(), 1, 800, period: "2019-12"));

        var summary = await SummaryAsync();

        Assert.Equal(
            [new("2020", Channel.Linkedin, 4), new("2020-03", Channel.Tv, 15), new("2020-03", Channel.Twitter, 20), new("2020-03-14", Channel.Tv, 7), new PeriodViews("2020-Q2", Channel.Tv, 30)],
            summary.ViewsByPeriod);
        Assert.Equal(summary.Views, summary.ViewsByPeriod.Sum(p => p.Views));
    }

    [Fact]
    public async Task Views_kept_before_periods_were_count_under_their_year()
    {
        var kept = ObservationFacts.From(Observed(Guid.NewGuid(), 1, 60, period: "2020-03"));
        await _store.Collection<ObservationFacts>().UpsertIfNewerAsync(
            new ObservationFacts
            {
                Id = kept.Id, Version = 1, Office = kept.Office, CampaignId = kept.CampaignId, Channel = kept.Channel, Metric = kept.Metric,
                Year = kept.Year, Country = kept.Country, Language = kept.Language, Value = kept.Value,
            },
            TestContext.Current.CancellationToken);
        await KeepAsync(Observed(Guid.NewGuid(), 1, 40, period: "2020"));

        Assert.Equal([new PeriodViews("2020", Channel.Tv, 100)], (await SummaryAsync()).ViewsByPeriod);
    }

    [Fact]
    public async Task A_kind_of_activity_narrows_the_activity_figures_and_nothing_else()
    {
        await KeepAsync(
            Observed(Guid.NewGuid(), 1, 100),
            Activity(Guid.NewGuid(), 1, ActivityKind.Webinar, ("GTM", 400), ("HND", 30)),
            Activity(Guid.NewGuid(), 1, ActivityKind.Webinar, ("GTM", 2)),
            Activity(Guid.NewGuid(), 1, ActivityKind.Workshop, ("SLV", 100)));

        var webinars = await SummaryAsync(kind: ActivityKind.Webinar);
        var courses = await SummaryAsync(kind: ActivityKind.OnlineCourse);

        Assert.Equal((2, 432, 2), (webinars.Activities, webinars.ActivityParticipants, webinars.ActivityCountries));
        Assert.Equal(new Dictionary<ActivityKind, long> { [ActivityKind.Webinar] = 432 }, webinars.ParticipantsByKind);
        Assert.Equal(new Dictionary<string, long> { ["GTM"] = 402, ["HND"] = 30 }, webinars.ParticipantsByCountry);
        Assert.Equal((0, 0, 0), (courses.Activities, courses.ActivityParticipants, courses.ActivityCountries));
        Assert.Equal((100, 100), (webinars.Views, courses.Views));
        Assert.Equal(532, (await SummaryAsync()).ActivityParticipants);
    }

    [Fact]
    public async Task A_region_sees_the_figures_of_its_offices()
    {
        var other = Guid.NewGuid();
        await KeepAsync(
            Launched("GUA", "Navega seguro", 2020, 2020),
            Launched("BKK", "Think before you click", 2020, 2020, other),
            Observed(Guid.NewGuid(), 1, 100),
            Observed(Guid.NewGuid(), 1, 7, office: "BKK", campaign: other, country: "THA"),
            Activity(Guid.NewGuid(), 1, ActivityKind.Webinar, ("GTM", 40)),
            Activity(Guid.NewGuid(), 1, ActivityKind.Webinar, "BKK", ("THA", 3)));

        var asia = await SummaryAsync(region: ProgrammeRegion.AsiaPacific);
        var guaInAfrica = await SummaryAsync("GUA", ProgrammeRegion.Africa);

        Assert.Equal((7, 3, 1), (asia.Views, asia.ActivityParticipants, asia.Activities));
        Assert.Equal(["Think before you click"], asia.Campaigns.Select(c => c.Name));
        Assert.Equal([new PeriodViews("2020-05", Channel.Tv, 7)], asia.ViewsByPeriod);
        Assert.Equal((0, 0, 0), (guaInAfrica.Views, guaInAfrica.ActivityParticipants, guaInAfrica.Campaigns.Count));
    }

    private async Task KeepAsync(params object[] events)
    {
        foreach (var e in events)
        {
            await (e switch
            {
                ObservationRecorded o => _consumer.Keep(o, TestContext.Current.CancellationToken),
                ICampaignEvent c => _consumer.Keep(c, TestContext.Current.CancellationToken),
                IActivityEvent a => _consumer.Keep(a, TestContext.Current.CancellationToken),
                _ => throw new ArgumentException($"Not an awareness event: {e}", nameof(events)),
            });
        }
    }

    private Task<AwarenessSummaryResponse> SummaryAsync(string? office = null, ProgrammeRegion? region = null, ActivityKind? kind = null) =>
        new AwarenessFigures(_store.Collection<CampaignFacts>(), _store.Collection<ObservationFacts>(), _store.Collection<ActivityFacts>(), _store.Collection<ActivityCountryFacts>())
            .ComputeAsync(2020, office, region, kind, TestContext.Current.CancellationToken);

    private static ObservationRecorded Observed(
        Guid key, long version, long value, long? replaced = null, string period = "2020-05", Channel channel = Channel.Tv, ReachMetric metric = ReachMetric.Views,
        string? country = "GTM", string? language = "es", string office = "GUA", Guid? campaign = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, office, key, version, campaign ?? Campaign, channel, metric, period, country, language, value, replaced);

    private static CampaignLaunched Launched(string office, string name, int startYear, int endYear, Guid? id = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, office, id ?? Campaign, 1, new CampaignSnapshot(
            name, [CampaignAudience.Parents], ["GTM"], ["es"], [Channel.Tv], [], new DateOnly(startYear, 3, 1), new DateOnly(endYear, 12, 31), CampaignStatus.Running));

    private static ActivityAmended Activity(Guid id, long version, ActivityKind kind, params (string Country, int Count)[] participants) =>
        Activity(id, version, kind, "GUA", participants);

    private static ActivityAmended Activity(Guid id, long version, ActivityKind kind, string office, params (string Country, int Count)[] participants) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, office, id, version, new ActivitySnapshot(
            "Webinar", kind, new DateOnly(2020, 6, 18), ["es"], null, [.. participants.Select(p => new ParticipantCount(p.Country, p.Count))]));
}
