using Cybercrime.Contracts;
using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using MassTransit;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>
/// One restated aggregate taken by reporting for a rebuild: one document per (rebuild, event type,
/// aggregate), so a redelivered or re-published restatement counts once. Only the latest rebuild's
/// are kept: the next rebuild clears them.
/// </summary>
internal sealed class RebuildMark : IDocument
{
    public const string CollectionName = "rebuild-marks";

    public static readonly string[] Indexes = ["rebuildId", "area"];

    public required string Id { get; init; }

    public long Version { get; init; } = 1;

    public required string RebuildId { get; init; }

    public required string Area { get; init; }
}

/// <summary>
/// After a restated event has been applied to the facts (its consumer succeeded), marks its aggregate as
/// taken for the rebuild its headers name (<see cref="RestatementHeaders"/>): what <c>applied</c> counts,
/// so live facts arriving meanwhile never make up for restatements still on their way.
/// </summary>
internal sealed class RestatementMarks([FromKeyedServices("reporting")] DocumentStore store) : IConsumeObserver
{
    public Task PostConsume<T>(ConsumeContext<T> context) where T : class =>
        context.Message is IIntegrationEvent restated
        && context.Headers.Get<string>(RestatementHeaders.RebuildId) is { } rebuildId
        && context.Headers.Get<string>(RestatementHeaders.Area) is { } area && FactAreas.Names.Contains(area)
            ? store.Collection<RebuildMark>().UpsertIfNewerAsync(
                new RebuildMark { Id = $"{rebuildId}:{typeof(T).Name}:{restated.AggregateId}", RebuildId = rebuildId, Area = area }, context.CancellationToken)
            : Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>The restated aggregates taken for <paramref name="rebuildId"/> in each area, counted by the store.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> TakenAsync(DocumentStore store, string rebuildId, CancellationToken cancellationToken)
    {
        var taken = FactAreas.Names.ToDictionary(name => name, _ => 0L);
        foreach (var group in await store.Collection<RebuildMark>().GroupAsync(Filter.Equal("rebuildId", rebuildId), ["area"], cancellationToken: cancellationToken))
        {
            taken[group.KeyAt<string>(0)] = group.Count;
        }

        return taken;
    }
}
