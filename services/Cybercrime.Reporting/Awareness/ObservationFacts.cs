using System.Globalization;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Awareness;

/// <summary>
/// One reach figure as it stands, one document per observation key (its id is the observation's), and
/// written only when newer: the observation's version goes up by one with each value that replaces
/// it, so an older correction arriving after a newer one changes nothing (decision 0015).
/// </summary>
internal sealed class ObservationFacts : IDocument
{
    public const string CollectionName = "awareness-observations";

    /// <summary>Where a figure has no country or language.</summary>
    public const string Unspecified = "unspecified";

    /// <summary>A year's figures by metric, then broken down by channel, country, language or campaign.</summary>
    public static readonly string[] Indexes = ["year,metric,office", "year,metric,channel", "year,metric,country", "year,metric,language", "year,metric,campaignId"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string CampaignId { get; init; }

    public required Channel Channel { get; init; }

    public required ReachMetric Metric { get; init; }

    /// <summary>The year of the observation's period: where it counts.</summary>
    public required int Year { get; init; }

    /// <summary>The period as recorded (2020, 2020-Q2, 2020-05 or 2020-05-04); null in facts kept before it was, until a rebuild.</summary>
    public string? Period { get; init; }

    public required string Country { get; init; }

    public required string Language { get; init; }

    public required long Value { get; init; }

    public static ObservationFacts From(IObservationEvent e) => new()
    {
        Id = e.ObservationId.ToString(),
        Version = e.Version,
        Office = e.Office,
        CampaignId = e.CampaignId.ToString(),
        Channel = e.Channel,
        Metric = e.Metric,
        // Every period (2020, 2020-Q2, 2020-05, 2020-05-04) begins with its year.
        Year = int.Parse(e.Period.AsSpan(0, 4), CultureInfo.InvariantCulture),
        Period = e.Period,
        Country = e.Country ?? Unspecified,
        Language = e.Language ?? Unspecified,
        Value = e.Value,
    };
}
