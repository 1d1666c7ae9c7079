using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>Reporting's two fact collections in a real store, and the summary the store computes from them.</summary>
internal static class FactsStore
{
    public static readonly CollectionDefinition[] Definitions =
    [
        new(typeof(SessionFacts), SessionFacts.CollectionName, SessionFacts.Indexes),
        new(typeof(ParticipationFacts), ParticipationFacts.CollectionName, ParticipationFacts.Indexes),
    ];

    /// <summary>Writes the facts in one commit (each id once) and asks the store for the summary.</summary>
    public static async Task<TrainingSummaryResponse> SummaryAsync(
        DocumentStore store, int year, IEnumerable<SessionFacts> sessions, IEnumerable<ParticipationFacts> participations,
        string? office = null, ProgrammeRegion? region = null, TrainingTopic? topic = null, TrainingFormat? format = null)
    {
        var changes = new Changes();
        foreach (var session in sessions)
        {
            changes.Save(session, 0);
        }

        foreach (var participation in participations)
        {
            changes.Save(participation, 0);
        }

        await store.CommitAsync(changes, TestContext.Current.CancellationToken);
        return await new TrainingFigures(store.Collection<SessionFacts>(), store.Collection<ParticipationFacts>())
            .ComputeAsync(year, office, region, topic, format, TestContext.Current.CancellationToken);
    }
}
