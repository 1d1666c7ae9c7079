using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Awareness;

/// <summary>What reporting knows of a campaign: its name, office and years, keyed by its id and guarded by its version.</summary>
internal sealed class CampaignFacts : IDocument
{
    public const string CollectionName = "awareness-campaigns";

    /// <summary>The campaigns running in a year, of an office.</summary>
    public static readonly string[] Indexes = ["startYear,endYear,office"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string Name { get; init; }

    public required int StartYear { get; init; }

    public required int EndYear { get; init; }

    public required bool Closed { get; init; }

    public static CampaignFacts From(ICampaignEvent e) => new()
    {
        Id = e.CampaignId.ToString(),
        Version = e.Version,
        Office = e.Office,
        Name = e.Campaign.Name,
        StartYear = e.Campaign.StartDate.Year,
        EndYear = e.Campaign.EndDate.Year,
        Closed = e.Campaign.Status == CampaignStatus.Closed,
    };
}
