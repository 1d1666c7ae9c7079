using Cybercrime.Contracts;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Platform.Storage;

/// <summary>The storage port: what a service may do with one collection of its own store.</summary>
public interface IDocumentCollection<T> where T : class, IDocument
{
    Task<T?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The documents with these ids; missing ones are left out.</summary>
    Task<IReadOnlyList<T>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Documents whose <paramref name="field"/> (a declared index, camelCase) equals any of the values.</summary>
    Task<IReadOnlyList<T>> WhereAsync<TValue>(string field, IReadOnlyCollection<TValue> anyOf, CancellationToken cancellationToken = default);

    /// <summary>The documents the query selects, sorted, skipped and limited by the store.</summary>
    Task<IReadOnlyList<T>> ListAsync(Query query, CancellationToken cancellationToken = default);

    Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many documents share each combination of values of <paramref name="by"/>, keeping only the
    /// groups of at least <paramref name="minCount"/>. The fields grouped by need no index.
    /// </summary>
    Task<IReadOnlyList<Group>> GroupAsync(Filter filter, IReadOnlyList<string> by, long minCount = 1, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sum of a whole-number field for each combination of values of <paramref name="by"/> over the
    /// documents selected (GROUP BY with SUM): one read for a whole breakdown. The fields need no index.
    /// </summary>
    Task<IReadOnlyList<GroupSum>> GroupSumAsync(Filter filter, IReadOnlyList<string> by, string sumField, CancellationToken cancellationToken = default);

    /// <summary>The sum of a whole-number field over the documents selected (0 when none is).</summary>
    Task<long> SumAsync(Filter filter, string field, CancellationToken cancellationToken = default);

    /// <summary>How many distinct values <paramref name="field"/> takes over the documents selected.</summary>
    Task<long> CountDistinctAsync(Filter filter, string field, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the aggregate and the events it raised in one atomic write (the outbox). Succeeds only
    /// when the stored version is still <paramref name="expectedVersion"/> (0: not stored yet);
    /// otherwise throws <see cref="ConcurrencyConflictException"/> and writes nothing.
    /// Several documents at once: <see cref="DocumentStore.CommitAsync"/>.
    /// </summary>
    Task SaveAsync(T document, long expectedVersion, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a read-model document only when it is newer than the stored one (or none is stored):
    /// redelivered and out-of-order events then change nothing. Returns whether it was written.
    /// </summary>
    Task<bool> UpsertIfNewerAsync(T document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every document of the collection in one write and returns how many there were: for a read
    /// model about to be rebuilt from its sources, whose documents hold no outbox.
    /// </summary>
    Task<long> DeleteAllAsync(CancellationToken cancellationToken = default);
}
