using Cybercrime.Contracts;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

internal sealed class MongoCollection<T>(MongoDocumentStore store, CollectionDefinition definition) : IDocumentCollection<T>
    where T : class, IDocument
{
    private readonly IMongoCollection<T> _typed = store.Typed<T>(definition.Name);

    public Task<T?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        store.RunAsync<T?>(async token =>
            await _typed.Find(MongoDefinitions.ById(id)).FirstOrDefaultAsync(token), cancellationToken).AsTask();

    public Task<IReadOnlyList<T>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        store.RunAsync<IReadOnlyList<T>>(async token =>
            await _typed.Find(MongoDefinitions.ByIds(ids)).ToListAsync(token), cancellationToken).AsTask();

    public Task<IReadOnlyList<T>> WhereAsync<TValue>(string field, IReadOnlyCollection<TValue> anyOf, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(field);
        return store.RunAsync<IReadOnlyList<T>>(async token =>
            await _typed.Find(MongoDefinitions.AnyOf<T>(field, anyOf.Cast<object?>())).ToListAsync(token), cancellationToken).AsTask();
    }

    public Task SaveAsync(T document, long expectedVersion, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken = default) =>
        store.CommitAsync(new Changes().Save(document, expectedVersion, events), cancellationToken);

    public Task<bool> UpsertIfNewerAsync(T document, CancellationToken cancellationToken = default) =>
        store.RunAsync(async token =>
        {
            try
            {
                var result = await _typed.ReplaceOneAsync(
                    MongoDefinitions.OlderThan(document.Id, document.Version), document, new ReplaceOptions { IsUpsert = true }, token);
                return result.ModifiedCount == 1 || result.UpsertedId is not null;
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // A document at this version or newer exists: the filter missed it and the upsert collided.
                return false;
            }
        }, cancellationToken).AsTask();
}
