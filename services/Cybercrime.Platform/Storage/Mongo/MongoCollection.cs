using Cybercrime.Contracts;
using Cybercrime.Platform.Storage.Queries;
using MongoDB.Bson;
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

    public Task<IReadOnlyList<T>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(query.Where, query.OrderBy);
        var filter = MongoQueries.Filter<T>(query.Where);
        var sort = MongoQueries.Sort(query.OrderBy);
        return store.RunAsync<IReadOnlyList<T>>(async token =>
        {
            var find = _typed.Find(filter).Sort(sort).Skip(query.Skip);
            return await (query.Take == int.MaxValue ? find : find.Limit(query.Take)).ToListAsync(token);
        }, cancellationToken).AsTask();
    }

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(filter);
        var rendered = MongoQueries.Filter<T>(filter);
        return store.RunAsync(async token => await _typed.CountDocumentsAsync(rendered, cancellationToken: token), cancellationToken).AsTask();
    }

    public Task<IReadOnlyList<Group>> GroupAsync(Filter filter, IReadOnlyList<string> by, long minCount = 1, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(filter);
        return GroupsAsync(MongoQueries.Group<T>(filter, by, minCount), by, g => new Group(KeyOf(g, by), g["count"].ToInt64()), cancellationToken);
    }

    public Task<IReadOnlyList<GroupSum>> GroupSumAsync(Filter filter, IReadOnlyList<string> by, string sumField, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(filter);
        return GroupsAsync(MongoQueries.GroupSum<T>(filter, by, sumField), by, g => new GroupSum(KeyOf(g, by), g["sum"].ToInt64()), cancellationToken);
    }

    private Task<IReadOnlyList<TGroup>> GroupsAsync<TGroup>(
        BsonDocument[] pipeline, IReadOnlyList<string> by, Func<BsonDocument, TGroup> group, CancellationToken cancellationToken) =>
        store.RunAsync<IReadOnlyList<TGroup>>(async token =>
        {
            var groups = await _typed.Aggregate<BsonDocument>(pipeline, cancellationToken: token).ToListAsync(token);
            return [.. groups.Select(group)];
        }, cancellationToken).AsTask();

    /// <summary>The grouped keys k0, k1, … read back with the members' serializers.</summary>
    private static object?[] KeyOf(BsonDocument group, IReadOnlyList<string> by)
    {
        var key = group["_id"].AsBsonDocument;
        return [.. by.Select((field, i) => MongoQueries.Read<T>(field, key.GetValue($"k{i}", BsonNull.Value)))];
    }

    public Task<long> SumAsync(Filter filter, string field, CancellationToken cancellationToken = default) =>
        ScalarAsync(filter, MongoQueries.Sum<T>(filter, field), cancellationToken);

    public Task<long> CountDistinctAsync(Filter filter, string field, CancellationToken cancellationToken = default) =>
        ScalarAsync(filter, MongoQueries.CountDistinct<T>(filter, field), cancellationToken);

    /// <summary>Runs a pipeline that ends in at most one document holding <c>value</c>; none means 0.</summary>
    private Task<long> ScalarAsync(Filter filter, BsonDocument[] pipeline, CancellationToken cancellationToken)
    {
        definition.EnsureIndexed(filter);
        return store.RunAsync(async token =>
        {
            var result = await _typed.Aggregate<BsonDocument>(pipeline, cancellationToken: token).FirstOrDefaultAsync(token);
            return result?["value"].ToInt64() ?? 0;
        }, cancellationToken).AsTask();
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

    public Task<long> DeleteAllAsync(CancellationToken cancellationToken = default) =>
        store.RunAsync(async token => (await _typed.DeleteManyAsync(MongoDefinitions.Everything, token)).DeletedCount, cancellationToken).AsTask();
}
