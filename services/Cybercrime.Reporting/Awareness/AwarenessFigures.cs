using System.Globalization;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Reporting.Awareness;

internal sealed record CampaignViews(string Id, string Name, string Office, long Views);

/// <summary>Views of one channel in one period, the period as recorded (2020-03-14, 2020-03, 2020-Q2 or 2020).</summary>
internal sealed record PeriodViews(string Period, Channel Channel, long Views);

internal sealed record AwarenessSummaryResponse(
    int Year,
    long Views,
    IReadOnlyDictionary<ReachMetric, long> ByMetric,
    IReadOnlyDictionary<Channel, long> ViewsByChannel,
    IReadOnlyDictionary<string, long> ViewsByCountry,
    IReadOnlyDictionary<string, long> ViewsByLanguage,
    IReadOnlyList<CampaignViews> Campaigns,
    long Activities,
    long ActivityParticipants,
    long ActivityCountries,
    IReadOnlyDictionary<ActivityKind, long> ParticipantsByKind,
    IReadOnlyDictionary<string, long> ParticipantsByCountry,
    IReadOnlyList<PeriodViews> ViewsByPeriod,
    string? Office = null,
    ProgrammeRegion? Region = null,
    ActivityKind? Kind = null);

/// <summary>
/// The awareness summary, added up by the store from the keyed facts: each breakdown is one grouped
/// sum. Breakdowns list the keys with a sum above 0; <c>byMetric</c> lists every metric. An office or
/// region narrows everything; a kind of activity narrows the activity figures only.
/// </summary>
internal sealed class AwarenessFigures(
    IDocumentCollection<CampaignFacts> campaigns,
    IDocumentCollection<ObservationFacts> observations,
    IDocumentCollection<ActivityFacts> activities,
    IDocumentCollection<ActivityCountryFacts> activityCountries)
{
    public async Task<AwarenessSummaryResponse> ComputeAsync(
        int year, string? office, ProgrammeRegion? region, ActivityKind? kind, CancellationToken cancellationToken)
    {
        var ofOffice = SummaryFilters.OfOffices(office, region);
        var byMetric = Enum.GetValues<ReachMetric>().ToDictionary(m => m, _ => 0L);
        foreach (var (metric, sum) in await SumsByAsync<ObservationFacts, ReachMetric>(observations, Filter.Equal("year", year).And(ofOffice), "metric", "value", cancellationToken))
        {
            byMetric[metric] = sum;
        }

        var views = Filter.Equal("year", year).And(Filter.Equal("metric", ReachMetric.Views)).And(ofOffice);
        var byCampaign = await SumsByAsync<ObservationFacts, string>(observations, views, "campaignId", "value", cancellationToken);
        var running = Filter.Between("startYear", null, year).And(Filter.Between("endYear", year, null)).And(ofOffice);
        var campaignViews = (await campaigns.ListAsync(new Query(running, []), cancellationToken))
            .Select(c => new CampaignViews(c.Id, c.Name, c.Office, byCampaign.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Views).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        var counted = Filter.Equal("year", year).And(ofOffice);
        if (kind is { } k)
        {
            counted = counted.And(Filter.Equal("kind", k));
        }

        var byCountry = await SumsByAsync<ActivityCountryFacts, string>(activityCountries, counted, "countryCode", "count", cancellationToken);
        return new AwarenessSummaryResponse(
            year,
            byMetric[ReachMetric.Views],
            byMetric,
            await SumsByAsync<ObservationFacts, Channel>(observations, views, "channel", "value", cancellationToken),
            await SumsByAsync<ObservationFacts, string>(observations, views, "country", "value", cancellationToken),
            await SumsByAsync<ObservationFacts, string>(observations, views, "language", "value", cancellationToken),
            campaignViews,
            await activities.CountAsync(counted, cancellationToken),
            byCountry.Values.Sum(),
            byCountry.Count,
            await SumsByAsync<ActivityCountryFacts, ActivityKind>(activityCountries, counted, "kind", "count", cancellationToken),
            byCountry,
            await ViewsByPeriodAsync(year, views, cancellationToken));
    }

    /// <summary>Views per (period, channel), ordered by period then channel (both by their wire names).</summary>
    private async Task<List<PeriodViews>> ViewsByPeriodAsync(int year, Filter views, CancellationToken cancellationToken)
    {
        var year4 = year.ToString(CultureInfo.InvariantCulture);
        return [.. (await observations.GroupSumAsync(views, ["period", "channel"], "value", cancellationToken))
            // Facts kept before the period was have none: they count under their year until a rebuild.
            .GroupBy(g => (Period: g.KeyAt<string?>(0) ?? year4, Channel: g.KeyAt<Channel>(1)), g => g.Sum)
            .Where(g => g.Sum() > 0)
            .Select(g => new PeriodViews(g.Key.Period, g.Key.Channel, g.Sum()))
            .OrderBy(p => p.Period, StringComparer.Ordinal).ThenBy(p => ContractJson.Name(p.Channel), StringComparer.Ordinal)];
    }

    /// <summary>The sum of <paramref name="field"/> for each value <paramref name="by"/> takes, added up by the store in one read; sums of 0 left out.</summary>
    private static async Task<Dictionary<TKey, long>> SumsByAsync<TFact, TKey>(
        IDocumentCollection<TFact> facts, Filter filter, string by, string field, CancellationToken cancellationToken)
        where TFact : class, IDocument where TKey : notnull =>
        (await facts.GroupSumAsync(filter, [by], field, cancellationToken))
            .Where(g => g.Sum > 0)
            .ToDictionary(g => g.KeyAt<TKey>(0), g => g.Sum);
}
