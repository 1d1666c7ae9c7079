using System.Security.Cryptography;
using System.Text;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// One reach figure under its key (campaign, channel, metric, period, country, language): its own
/// document, whose id is derived from the key, so the same key sent again finds it and replaces its
/// value. Its <see cref="Version"/> orders the values a key has had (decision 0015).
/// </summary>
internal sealed record Observation : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string CampaignId { get; init; }

    public required Channel Channel { get; init; }

    public required ReachMetric Metric { get; init; }

    public required string Period { get; init; }

    public required Granularity Granularity { get; init; }

    public string? Country { get; init; }

    public string? Language { get; init; }

    public required long Value { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The document id of a key: the same key always gives the same id, and any other key another.</summary>
    public static string IdOf(string campaignId, ValidObservation o)
    {
        var key = $"{campaignId}|{o.Channel}|{o.Metric}|{o.Period.Text}|{o.Country}|{o.Language}";
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();
    }

    public ObservationRecorded Recorded(long? replaced, DateTimeOffset now) =>
        new(Guid.NewGuid(), now, Office, Guid.Parse(Id), Version, Guid.Parse(CampaignId), Channel, Metric, Period, Country, Language, Value, replaced);
}

/// <summary>An observation that passed its own checks; <see cref="Field"/> names it in answers (<c>observations[3]</c>, <c>rows[12]</c>).</summary>
internal sealed record ValidObservation(string Field, Channel Channel, ReachMetric Metric, Period Period, long Value, string? Country, string? Language)
{
    /// <summary>Its key within one campaign, to find the same key twice in one batch.</summary>
    public (Channel, ReachMetric, string, string?, string?) Key => (Channel, Metric, Period.Text, Country, Language);
}

internal sealed record ObservationsResult(int Received, int Recorded, int Replaced, int Unchanged);
