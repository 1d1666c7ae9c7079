using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Awareness;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Reporting.ExpertGroup;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>Every collection of facts reporting keeps from the producing areas' events, which a rebuild empties and refills.</summary>
internal static class FactAreas
{
    public static readonly IReadOnlyList<string> Names = ["training", "evidence", "awareness", "expert-group"];

    /// <summary>
    /// The areas whose producers this deployment runs, which a rebuild waits for: all of them unless
    /// <c>Reporting:RebuildAreas</c> names fewer (comma-separated), as where reporting runs beside one producer.
    /// </summary>
    public static IReadOnlyList<string> Expected(IConfiguration configuration) =>
        configuration["Reporting:RebuildAreas"] is { Length: > 0 } listed
            ? [.. Names.Where(name => listed.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal))]
            : Names;

    /// <summary>How to empty each collection of facts reporting keeps from the producing areas' events.</summary>
    public static readonly IReadOnlyList<Func<DocumentStore, CancellationToken, Task<long>>> Emptying =
    [
        Empty<SessionFacts>,
        Empty<ParticipationFacts>,
        Empty<EvidenceFacts>,
        Empty<CampaignFacts>,
        Empty<ObservationFacts>,
        Empty<ActivityFacts>,
        Empty<ActivityCountryFacts>,
        Empty<MeetingFacts>,
        Empty<DocumentFacts>,
        Empty<RecommendationFacts>,
    ];

    private static Task<long> Empty<T>(DocumentStore store, CancellationToken cancellationToken) where T : class, IDocument =>
        store.Collection<T>().DeleteAllAsync(cancellationToken);
}
