using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Reporting.Awareness;

internal sealed record CampaignViews(string Id, string Name, string Office, long Views);

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
    IReadOnlyDictionary<string, long> ParticipantsByCountry);

/// <summary>
/// The awareness summary, added up by the store from the keyed facts: each breakdown is a grouped
/// count to learn which keys exist, then one sum per key. Nothing is summed in memory but the handful
/// of sums the store returns. Breakdowns list the keys with a sum above 0; <c>byMetric</c> lists every metric.
/// </summary>
internal sealed class AwarenessFigures(
    IDocumentCollection<CampaignFacts> campaigns,
    IDocumentCollection<ObservationFacts> observations,
    IDocumentCollection<ActivityFacts> activities,
    IDocumentCollection<ActivityCountryFacts> activityCountries)
{
    public async Task<AwarenessSummaryResponse> ComputeAsync(int year, string? office, CancellationToken cancellationToken)
    {
        var ofOffice = office is null ? Filter.All : Filter.Equal("office", office);
        var byMetric = new Dictionary<ReachMetric, long>();
        foreach (var metric in Enum.GetValues<ReachMetric>())
        {
            byMetric[metric] = await observations.SumAsync(Of(year, metric).And(ofOffice), "value", cancellationToken);
        }

        var views = Of(year, ReachMetric.Views).And(ofOffice);
        var byCampaign = await SumsByAsync<ObservationFacts, string>(observations, views, "campaignId", "value", cancellationToken);
        var running = Filter.Between("startYear", null, year).And(Filter.Between("endYear", year, null)).And(ofOffice);
        var campaignViews = (await campaigns.ListAsync(new Query(running, []), cancellationToken))
            .Select(c => new CampaignViews(c.Id, c.Name, c.Office, byCampaign.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Views).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        var counted = Filter.Equal("year", year).And(ofOffice);
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
            await activityCountries.SumAsync(counted, "count", cancellationToken),
            byCountry.Count,
            await SumsByAsync<ActivityCountryFacts, ActivityKind>(activityCountries, counted, "kind", "count", cancellationToken),
            byCountry);
    }

    private static Filter Of(int year, ReachMetric metric) => Filter.Equal("year", year).And(Filter.Equal("metric", metric));

    /// <summary>The sum of <paramref name="field"/> for each value <paramref name="by"/> takes, the store adding up each; sums of 0 left out.</summary>
    private static async Task<Dictionary<TKey, long>> SumsByAsync<TFact, TKey>(
        IDocumentCollection<TFact> facts, Filter filter, string by, string field, CancellationToken cancellationToken)
        where TFact : class, IDocument where TKey : notnull
    {
        var sums = new Dictionary<TKey, long>();
        foreach (var group in await facts.GroupAsync(filter, [by], cancellationToken: cancellationToken))
        {
            var key = group.KeyAt<TKey>(0);
            if (await facts.SumAsync(filter.And(Filter.Equal(by, key)), field, cancellationToken) is > 0 and var sum)
            {
                sums[key] = sum;
            }
        }

        return sums;
    }
}
