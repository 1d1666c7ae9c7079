using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Observations;

internal sealed record ObservationRequest(Channel? Channel, ReachMetric? Metric, string? Period, long? Value, string? Country = null, string? Language = null)
{
    /// <summary>More than any channel reaches: a figure above it is a typing error.</summary>
    public const long MaxValue = 100_000_000_000;

    /// <summary>The observation's own rules (those that need no campaign); <paramref name="field"/> names it in messages.</summary>
    public ValidObservation? Validate(string field, ValidationErrors errors)
    {
        var valid = errors.Check(Channel is { } c && Enum.IsDefined(c), $"{field}.channel", $"A channel is required: {ContractJson.Names<Channel>()}.");
        valid &= errors.Check(Metric is { } m && Enum.IsDefined(m), $"{field}.metric", $"A metric is required: {ContractJson.Names<ReachMetric>()}.");
        var period = Observations.Period.Parse(Period);
        if (period is null)
        {
            valid = errors.Check(false, $"{field}.period", Period is null
                ? $"A period is required: {Observations.Period.Formats}."
                : $"'{Period}' is not a period: {Observations.Period.Formats}.");
        }
        else
        {
            valid &= errors.Check(ReportingYears.Contains(period.Year), $"{field}.period",
                $"The period must fall in the reporting years {ReportingYears.First} to {ReportingYears.Last}.");
        }

        valid &= errors.Check(Value is >= 0 and <= MaxValue, $"{field}.value",
            Value is null ? "A value is required: a whole number from 0." : $"A value is a whole number from 0 to {MaxValue}.");
        valid &= errors.Check(Country is null || IsoCodes.IsCountry(Country), $"{field}.country",
            $"'{Country}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\"; leave it out when the figure covers every country.");
        valid &= errors.Check(Language is null || IsoCodes.IsLanguage(Language), $"{field}.language",
            $"'{Language}' is not an ISO 639-1 language code such as \"es\"; leave it out when the figure covers every language.");
        return valid ? new ValidObservation(field, Channel!.Value, Metric!.Value, period!, Value!.Value, Country, Language) : null;
    }

    /// <summary>Refuses a key sent twice in one batch: which value would be meant is unclear.</summary>
    public static void CheckDistinct(IReadOnlyList<ValidObservation> observations, ValidationErrors errors)
    {
        var first = new Dictionary<(Channel, ReachMetric, string, string?, string?), string>();
        foreach (var o in observations)
        {
            if (!first.TryAdd(o.Key, o.Field))
            {
                errors.Add(o.Field, $"The same channel, metric, period, country and language as {first[o.Key]}: send each figure once.");
            }
        }
    }
}

internal sealed record ObservationsRequest(IReadOnlyList<ObservationRequest?>? Observations);
