using Cybercrime.Contracts.Awareness;

namespace Cybercrime.Awareness.Campaigns;

/// <summary>A campaign as the API shows it: its details, its totals per metric and, for one campaign, its series.</summary>
internal sealed record CampaignView(
    string Id,
    string Office,
    string Name,
    IReadOnlyList<CampaignAudience> Audiences,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Partners,
    DateOnly StartDate,
    DateOnly EndDate,
    CampaignStatus Status,
    IReadOnlyDictionary<ReachMetric, long> Totals,
    IReadOnlyList<Series>? Series = null)
{
    public static CampaignView Of(Campaign c, bool withSeries = false) => new(
        c.Id, c.Office, c.Details.Name, c.Details.Audiences, c.Details.Countries, c.Details.Languages, c.Details.Channels, c.Details.Partners,
        c.Details.StartDate, c.Details.EndDate, c.Status, c.Totals, withSeries ? c.Series : null);
}
