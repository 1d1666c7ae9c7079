using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Awareness;

/// <summary>What reporting knows of an activity: its kind, year and office, keyed by its id and guarded by its version.</summary>
internal sealed class ActivityFacts : IDocument
{
    public const string CollectionName = "awareness-activities";

    /// <summary>A year's activities, of an office (or a region's offices), or of a kind.</summary>
    public static readonly string[] Indexes = ["year,office", "year,kind"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required ActivityKind Kind { get; init; }

    public required int Year { get; init; }

    public static ActivityFacts From(IActivityEvent e) => new()
    {
        Id = e.ActivityId.ToString(),
        Version = e.Version,
        Office = e.Office,
        Kind = e.Activity.Kind,
        Year = e.Activity.Date.Year,
    };
}

/// <summary>
/// How many took part in one activity from one country, keyed by both and guarded by the activity's
/// version. Every activity event names every country the activity ever counted (0 for one dropped),
/// so each row ends at the latest version's count whatever order the events come in.
/// </summary>
internal sealed class ActivityCountryFacts : IDocument
{
    public const string CollectionName = "awareness-activity-countries";

    public static readonly string[] Indexes = ["year,office,kind", "year,countryCode"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string ActivityId { get; init; }

    public required ActivityKind Kind { get; init; }

    public required int Year { get; init; }

    public required string CountryCode { get; init; }

    public required long Count { get; init; }

    public static IEnumerable<ActivityCountryFacts> From(IActivityEvent e) => e.Activity.Participants.Select(p => new ActivityCountryFacts
    {
        Id = $"{e.ActivityId}|{p.CountryCode}",
        Version = e.Version,
        Office = e.Office,
        ActivityId = e.ActivityId.ToString(),
        Kind = e.Activity.Kind,
        Year = e.Activity.Date.Year,
        CountryCode = p.CountryCode,
        Count = p.Count,
    });
}
