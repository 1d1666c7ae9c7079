using Cybercrime.Contracts;
using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

internal sealed class MongoCollection<T>(MongoDocumentStore store, CollectionDefinition definition) : IDocumentCollection<T>
    where T : class, IDocument
{
    private readonly IMongoCollection<T> _typed = store.Typed<T>(definition.Name);
    private readonly IMongoCollection<BsonDocument> _raw = store.Raw(definition.Name);

    public Task<T?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        store.RunAsync<T?>(async token =>
            await _typed.Find(MongoDefinitions.ById(id)).FirstOrDefaultAsync(token), cancellationToken).AsTask();

    public Task<IReadOnlyList<T>> WhereAsync<TValue>(string field, IReadOnlyCollection<TValue> anyOf, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(field);
        return store.RunAsync<IReadOnlyList<T>>(async token =>
            await _typed.Find(MongoDefinitions.AnyOf<T>(field, anyOf.Cast<object?>())).ToListAsync(token), cancellationToken).AsTask();
    }

    public async Task SaveAsync(T document, long expectedVersion, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        var outbox = MongoDefinitions.Outbox(events.Select(OutboxMessage.From));
        var written = await store.RunAsync(async token =>
        {
            var bson = document.ToBsonDocument();
            if (expectedVersion == 0)
            {
                if (outbox.Count > 0)
                {
                    bson[MongoDefinitions.OutboxField] = outbox;
                }

                try
                {
                    await _raw.InsertOneAsync(bson, cancellationToken: token);
                    return true;
                }
                catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
                {
                    return false;
                }
            }

            var result = await _raw.UpdateOneAsync(
                MongoDefinitions.AtVersion(document.Id, expectedVersion), MongoDefinitions.Save(bson, outbox), cancellationToken: token);
            return result.MatchedCount == 1;
        }, cancellationToken);

        if (!written)
        {
            throw new ConcurrencyConflictException(definition.Name, document.Id, expectedVersion);
        }

        if (events.Count > 0)
        {
            store.OutboxSignal.Notify();
        }
    }

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
