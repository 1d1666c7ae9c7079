using System.Text.Json.Serialization;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Campaigns;

/// <summary>
/// A prevention campaign an office runs: the aggregate behind the campaign events, and the keeper of its
/// series (one granularity and running total each). Its observations are documents of their own
/// (decision 0014); every batch that changes any of them saves the campaign too, at its next version,
/// in the same commit, which is what keeps a series to one granularity under concurrent requests.
/// </summary>
internal sealed record Campaign : IDocument, IOwned
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required CampaignDetails Details { get; init; }

    public required CampaignStatus Status { get; init; }

    public IReadOnlyList<Series> Series { get; init; } = [];

    /// <summary>The latest start and earliest end of the periods recorded: new dates must still overlap every one of them.</summary>
    public DateOnly? LatestPeriodStart { get; init; }

    public DateOnly? EarliestPeriodEnd { get; init; }

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    public static (Campaign Campaign, CampaignLaunched Launched) Launch(string office, CampaignDetails details, DateTimeOffset now)
    {
        var campaign = new Campaign { Id = Guid.CreateVersion7(now).ToString(), Version = 1, Office = office, Details = details, Status = CampaignStatus.Running };
        return (campaign, new CampaignLaunched(Guid.NewGuid(), now, office, campaign.Key, 1, campaign.Snapshot()));
    }

    public (Campaign Campaign, CampaignAmended Amended) Amend(CampaignDetails details, DateTimeOffset now)
    {
        var amended = Next() with { Details = details };
        return (amended, new CampaignAmended(Guid.NewGuid(), now, Office, Key, amended.Version, amended.Snapshot()));
    }

    public (Campaign Campaign, CampaignClosed Closed) Close(DateTimeOffset now)
    {
        var closed = Next() with { Status = CampaignStatus.Closed };
        return (closed, new CampaignClosed(Guid.NewGuid(), now, Office, Key, closed.Version, closed.Snapshot()));
    }

    /// <summary>The same campaign at its next version, for a change that raises no campaign event (its series).</summary>
    public Campaign Next() => this with { Version = Version + 1 };

    /// <summary>The series an observation belongs to, if the campaign has it yet.</summary>
    public Series? SeriesOf(Channel channel, ReachMetric metric, string? country, string? language) =>
        Series.FirstOrDefault(s => s.Channel == channel && s.Metric == metric && s.Country == country && s.Language == language);

    /// <summary>The campaign's totals per metric, added from its series.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<ReachMetric, long> Totals =>
        Series.GroupBy(s => s.Metric).ToDictionary(g => g.Key, g => g.Sum(s => s.Total));

    public CampaignSnapshot Snapshot() => new(
        Details.Name, Details.Audiences, Details.Countries, Details.Languages, Details.Channels, Details.Partners, Details.StartDate, Details.EndDate, Status);
}

/// <summary>What an office says about a campaign, validated.</summary>
internal sealed record CampaignDetails(
    string Name,
    IReadOnlyList<CampaignAudience> Audiences,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Partners,
    DateOnly StartDate,
    DateOnly EndDate);

/// <summary>
/// The figures of one channel and metric (and country and language, when given) over time: all at one
/// granularity, so that adding them up never counts a day inside a month already counted.
/// </summary>
internal sealed record Series(Channel Channel, ReachMetric Metric, string? Country, string? Language, Granularity Granularity, long Total, int Observations);
