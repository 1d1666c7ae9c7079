using Cybercrime.Awareness.Campaigns;
using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// Records a batch of observations against a campaign, all or nothing: a key seen before is replaced
/// (never added to), the same value again changes nothing and raises nothing, and a series keeps the
/// granularity it was first recorded at. The campaign, holding the series, is saved in the same commit
/// whenever any figure changes.
/// </summary>
internal static class Recording
{
    public const int MaxObservations = 20_000;

    public static async Task<CommandOutcome> RecordAsync(
        AwarenessStore awareness, Campaign campaign, IReadOnlyList<ValidObservation> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        foreach (var o in batch)
        {
            errors.Check(campaign.Details.Channels.Contains(o.Channel), $"{o.Field}.channel",
                $"The campaign does not run on {ContractJson.Name(o.Channel)}; amend it to add the channel first.");
            errors.Check(o.Period.Overlaps(campaign.Details.StartDate, campaign.Details.EndDate), $"{o.Field}.period",
                $"{o.Period.Text} is outside the campaign, which runs from {campaign.Details.StartDate:yyyy-MM-dd} to {campaign.Details.EndDate:yyyy-MM-dd}.");
        }

        if (errors.Any)
        {
            return CommandOutcome.Refuse(errors.ToResult());
        }

        var series = campaign.Series.ToDictionary(s => (s.Channel, s.Metric, s.Country, s.Language));
        foreach (var o in batch)
        {
            var key = (o.Channel, o.Metric, o.Country, o.Language);
            if (!series.TryGetValue(key, out var kept))
            {
                series[key] = new Series(o.Channel, o.Metric, o.Country, o.Language, o.Period.Granularity, 0, 0);
            }
            else if (kept.Granularity != o.Period.Granularity)
            {
                return CommandOutcome.Refuse(GranularityConflict(o, kept));
            }
        }

        var ids = batch.Select(o => Observation.IdOf(campaign.Id, o)).ToList();
        var stored = (await awareness.Observations.FindManyAsync(ids, cancellationToken)).ToDictionary(o => o.Id);
        var changes = new Changes();
        var (recorded, replaced, unchanged) = (0, 0, 0);
        var (latestStart, earliestEnd) = (campaign.LatestPeriodStart, campaign.EarliestPeriodEnd);
        for (var i = 0; i < batch.Count; i++)
        {
            var o = batch[i];
            var earlier = stored.GetValueOrDefault(ids[i]);
            if (earlier?.Value == o.Value)
            {
                unchanged++;
                continue;
            }

            var observation = earlier is null
                ? new Observation
                {
                    Id = ids[i], Version = 1, Office = campaign.Office, CampaignId = campaign.Id, Channel = o.Channel, Metric = o.Metric,
                    Period = o.Period.Text, Granularity = o.Period.Granularity, Country = o.Country, Language = o.Language, Value = o.Value, RecordedAt = now,
                }
                : earlier with { Version = earlier.Version + 1, Value = o.Value, RecordedAt = now };
            changes.Save(observation, earlier?.Version ?? 0, observation.Recorded(earlier?.Value, now));
            var key = (o.Channel, o.Metric, o.Country, o.Language);
            var s = series[key];
            series[key] = s with { Total = s.Total + o.Value - (earlier?.Value ?? 0), Observations = s.Observations + (earlier is null ? 1 : 0) };
            _ = earlier is null ? recorded++ : replaced++;
            latestStart = latestStart is { } l && l > o.Period.Start ? l : o.Period.Start;
            earliestEnd = earliestEnd is { } e && e < o.Period.End ? e : o.Period.End;
        }

        if (!changes.IsEmpty)
        {
            // Series are only ever added by a figure recorded in this same batch, so none is left empty.
            changes.Save(campaign.Next() with { Series = [.. series.Values], LatestPeriodStart = latestStart, EarliestPeriodEnd = earliestEnd }, campaign.Version);
        }

        return CommandOutcome.Commit(changes, StatusCodes.Status200OK, new ObservationsResult(batch.Count, recorded, replaced, unchanged));
    }

    /// <summary>409 naming the granularity the series is kept at, so the caller knows what to send instead.</summary>
    private static IResult GranularityConflict(ValidObservation o, Series kept)
    {
        var inUse = ContractJson.Name(kept.Granularity);
        var series = $"{ContractJson.Name(o.Channel)} {ContractJson.Name(o.Metric)} ({o.Country ?? "every country"}, {o.Language ?? "every language"})";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A series keeps one granularity.",
            detail: $"{o.Field}: {series} is recorded by {inUse}; send its figures by {inUse}, not by {ContractJson.Name(o.Period.Granularity)}, so that no total overlaps another.",
            extensions: new Dictionary<string, object?> { ["field"] = $"{o.Field}.period", ["granularityInUse"] = inUse });
    }
}
