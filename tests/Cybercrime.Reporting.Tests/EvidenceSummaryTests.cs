using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Reporting.Evidence;

namespace Cybercrime.Reporting.Tests;

/// <summary>The evidence summary's rules, computed by a real (SQLite) store from the facts.</summary>
public sealed class EvidenceSummaryTests : IDisposable
{
    private static readonly DateOnly Today = new(2021, 3, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-reporting-evidence-").FullName;

    /// <summary>A submitted request's latest event: closed <paramref name="days"/> after submission with <paramref name="status"/>, or open.</summary>
    private static EvidenceRequestCompleted Request(
        string submitted, EvidenceRequestStatus status = EvidenceRequestStatus.Submitted, int? days = null, EvidenceOutcome? outcome = null,
        string? provider = "facebook", string? state = null, EvidencePriority priority = EvidencePriority.Standard, string office = "GUA",
        string country = "SLV", string caseKey = "case-1", int dueInDays = 30, EvidenceRequestType type = EvidenceRequestType.SubscriberInformation)
    {
        var on = DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture);
        var snapshot = new EvidenceRequestSnapshot(
            country, AgencyType.Prosecution, provider is null ? null : Enum.Parse<EvidenceProvider>(provider, ignoreCase: true), state, type, CrimeCategory.Ocsea,
            priority, caseKey, status, on, null, on.AddDays(dueInDays), null, outcome, outcome == EvidenceOutcome.Refused ? RefusalReason.LegalGrounds : null,
            days is { } d ? on.AddDays(d) : null, false);
        return new EvidenceRequestCompleted(Guid.NewGuid(), DateTimeOffset.UnixEpoch, office, Guid.NewGuid(), 3, snapshot);
    }

    private static EvidenceRequestCompleted Done(string submitted, int days, EvidenceOutcome outcome = EvidenceOutcome.Fulfilled, string? provider = "facebook",
        string? state = null, EvidencePriority priority = EvidencePriority.Standard, string caseKey = "case-1") =>
        Request(submitted, EvidenceRequestStatus.Completed, days, outcome, provider, state, priority, caseKey: caseKey);

    [Fact]
    public async Task The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_p90_is_the_nearest_rank()
    {
        // Turnarounds 1..10: median (5 + 6) / 2, p90 the 9th smallest.
        var summary = await ComputeAsync([.. Enumerable.Range(1, 10).Select(d => Done("2020-02-01", d, caseKey: $"case-{d}"))]);

        Assert.Equal(new TurnaroundFigures(10, 5.5, 9), summary.TurnaroundDays);
        Assert.Equal(new TurnaroundFigures(10, 5.5, 9), summary.TurnaroundByAddressee["facebook"]);
        Assert.Equal(10, summary.Cases);
    }

    [Fact]
    public async Task Turnarounds_and_rates_count_decided_requests_only_by_addressee_with_emergencies_apart()
    {
        var summary = await ComputeAsync(
            Done("2020-01-10", 3, provider: "google", priority: EvidencePriority.Emergency),
            Done("2020-01-10", 40, EvidenceOutcome.PartiallyFulfilled, provider: "google"),
            Done("2020-01-10", 200, EvidenceOutcome.Refused, provider: null, state: "USA"),
            Done("2020-02-10", 1, provider: "google", priority: EvidencePriority.Emergency),
            Request("2020-03-01", EvidenceRequestStatus.Withdrawn, days: 2, priority: EvidencePriority.Emergency),
            Request("2020-03-01", EvidenceRequestStatus.Lapsed, days: 95, provider: "microsoft", type: EvidenceRequestType.Preservation),
            Request("2020-12-01", dueInDays: 120),
            Request("2020-06-01", EvidenceRequestStatus.Acknowledged, dueInDays: 30));

        Assert.Equal(8, summary.Requests);
        Assert.Equal(new Dictionary<string, int> { ["fulfilled"] = 2, ["partially-fulfilled"] = 1, ["refused"] = 1, ["withdrawn"] = 1 }, summary.ByOutcome);
        Assert.Equal(0.75, summary.FulfilmentRate);
        Assert.Equal((2, 1), (summary.Open, summary.Overdue));
        Assert.Equal(new TurnaroundFigures(4, 21.5, 200), summary.TurnaroundDays);
        Assert.Equal(new TurnaroundFigures(3, 3, 40), summary.TurnaroundByAddressee["google"]);
        Assert.Equal(new TurnaroundFigures(1, 200, 200), summary.TurnaroundByAddressee["USA"]);
        Assert.Equal(new EmergencyFigures(3, 2), summary.Emergency);
        Assert.Equal(new Dictionary<string, int> { ["google"] = 3, ["USA"] = 1, ["facebook"] = 3, ["microsoft"] = 1 }, summary.ByAddressee);
        Assert.Equal(1, summary.ByRequestType[EvidenceRequestType.Preservation]);
    }

    [Fact]
    public async Task A_request_counts_in_the_year_it_was_submitted_of_its_office_and_requesting_country_and_nothing_decided_has_no_rate()
    {
        var facts = new[]
        {
            Request("2020-12-30", caseKey: "a"), Request("2021-01-02", caseKey: "b"), Request("2020-05-01", office: "BKK", country: "THA", caseKey: "c"),
            Request("2020-05-01", caseKey: "a"),
        };

        var all = await ComputeAsync(facts);
        var gua = await ComputeAsync(facts, office: "GUA");
        var thailand = await ComputeAsync(facts, requestingCountry: "THA");

        Assert.Equal((3, 2), (all.Requests, all.Cases));
        Assert.Equal((2, 1), (gua.Requests, gua.Cases));
        Assert.Equal((1, 1), (thailand.Requests, thailand.Cases));
        Assert.Null(all.FulfilmentRate);
        Assert.Equal(new TurnaroundFigures(0, null, null), all.TurnaroundDays);
        Assert.Equal(new EmergencyFigures(0, null), all.Emergency);
    }

    [Fact]
    public async Task A_region_counts_the_requests_of_its_offices()
    {
        var facts = new[]
        {
            Request("2020-03-01", caseKey: "a"), Request("2020-04-01", office: "SAL", caseKey: "b"), Request("2020-05-01", office: "BKK", country: "THA", caseKey: "c"),
            Request("2020-05-01", office: "NBO", country: "KEN", caseKey: "d"),
        };

        var latinAmerica = await ComputeAsync(facts, region: ProgrammeRegion.LatinAmericaCaribbean);
        var asia = await ComputeAsync(facts, region: ProgrammeRegion.AsiaPacific);
        var bangkokInAfrica = await ComputeAsync(facts, office: "BKK", region: ProgrammeRegion.Africa);

        Assert.Equal((2, 2), (latinAmerica.Requests, latinAmerica.Cases));
        Assert.Equal((1, 1), (asia.Requests, asia.Cases));
        Assert.Equal(0, bangkokInAfrica.Requests);
    }

    [Fact]
    public async Task A_later_version_replaces_the_fact_and_an_earlier_one_changes_nothing()
    {
        var store = await StoreAsync();
        var requests = store.Collection<EvidenceFacts>();
        var open = Request("2020-02-01");
        var done = open with { Version = 4, Request = open.Request with { Status = EvidenceRequestStatus.Completed, Outcome = EvidenceOutcome.Fulfilled, ClosedOn = new DateOnly(2020, 2, 11) } };

        Assert.True(await requests.UpsertIfNewerAsync(EvidenceFacts.From(done), TestContext.Current.CancellationToken));
        Assert.False(await requests.UpsertIfNewerAsync(EvidenceFacts.From(open), TestContext.Current.CancellationToken));

        var summary = await new EvidenceFigures(requests).ComputeAsync(2020, null, null, null, Today, TestContext.Current.CancellationToken);
        Assert.Equal((0, 1.0, 10.0), (summary.Open, summary.FulfilmentRate, summary.TurnaroundDays.Median));
    }

    private async Task<EvidenceSummaryResponse> ComputeAsync(
        IEnumerable<IEvidenceRequestEvent> events, string? office = null, string? requestingCountry = null, ProgrammeRegion? region = null)
    {
        var store = await StoreAsync();
        var changes = new Changes();
        foreach (var e in events)
        {
            changes.Save(EvidenceFacts.From(e), 0);
        }

        await store.CommitAsync(changes, TestContext.Current.CancellationToken);
        return await new EvidenceFigures(store.Collection<EvidenceFacts>()).ComputeAsync(2020, office, region, requestingCountry, Today, TestContext.Current.CancellationToken);
    }

    private Task<EvidenceSummaryResponse> ComputeAsync(params IEvidenceRequestEvent[] events) => ComputeAsync(events, null, null);

    private async Task<SqliteDocumentStore> StoreAsync()
    {
        var store = new SqliteDocumentStore("reporting", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"),
            [new CollectionDefinition(typeof(EvidenceFacts), EvidenceFacts.CollectionName, EvidenceFacts.Indexes)]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
