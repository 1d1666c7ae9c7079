using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using Cybercrime.Reporting.Awareness;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Reporting.ExpertGroup;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>One collection of facts: its area, and how to count and empty it.</summary>
internal sealed record FactCollection(string Area, Func<DocumentStore, CancellationToken, Task<long>> CountAsync, Func<DocumentStore, CancellationToken, Task<long>> EmptyAsync)
{
    public static FactCollection Of<T>(string area) where T : class, IDocument =>
        new(area, (store, token) => store.Collection<T>().CountAsync(Filter.All, token), (store, token) => store.Collection<T>().DeleteAllAsync(token));
}

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

    public static readonly IReadOnlyList<FactCollection> Collections =
    [
        FactCollection.Of<SessionFacts>("training"),
        FactCollection.Of<ParticipationFacts>("training"),
        FactCollection.Of<EvidenceFacts>("evidence"),
        FactCollection.Of<CampaignFacts>("awareness"),
        FactCollection.Of<ObservationFacts>("awareness"),
        FactCollection.Of<ActivityFacts>("awareness"),
        FactCollection.Of<ActivityCountryFacts>("awareness"),
        FactCollection.Of<MeetingFacts>("expert-group"),
        FactCollection.Of<DocumentFacts>("expert-group"),
        FactCollection.Of<RecommendationFacts>("expert-group"),
    ];
}
