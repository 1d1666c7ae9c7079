using Cybercrime.Platform.Storage.Blobs;
using MongoDB.Bson;
using MongoDB.Driver;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// The production adapter: one MongoDB database per service. Pending events live in the aggregate's
/// own document (an <c>outbox</c> array), so state and events are one atomic single-document write
/// and no multi-document transaction is needed. Every call goes through a resilience pipeline: a
/// retry with jittered backoff on transient errors, a circuit breaker so that a dead server fails
/// fast, and a timeout per attempt. Writes that are not idempotent (inserts, version-guarded updates,
/// transactions) are not retried by that pipeline: a write that timed out may have been committed, and
/// doing it again would conflict with itself; the driver's retryable writes cover those safely.
/// </summary>
public sealed partial class MongoDocumentStore : DocumentStore
{
    private readonly IMongoDatabase _database;

    private readonly ResiliencePipeline _resilience = Pipeline(retry: true);

    /// <summary>For writes that must not be done twice: the circuit breaker and timeout, no retry.</summary>
    private readonly ResiliencePipeline _writes = Pipeline(retry: false);

    public MongoDocumentStore(string name, IMongoDatabase database, IEnumerable<CollectionDefinition> definitions)
        : base(name, definitions)
    {
        MongoMapping.Register();
        _database = database;
        Blobs = new MongoBlobStore(database);
    }

    public override BlobStore Blobs { get; }

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PingAsync(cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or MongoException)
        {
            var servers = string.Join(", ", _database.Client.Settings.Servers);
            throw new InvalidOperationException(
                $"MongoDB at {servers} is unreachable (ConnectionStrings:Mongo). Start it, or run with Storage:Provider=Sqlite. {e.Message}", e);
        }

        foreach (var definition in Definitions)
        {
            await Raw(definition.Name).Indexes.CreateManyAsync(MongoDefinitions.Indexes(definition).Append(MongoOutbox.ParkedIndex()), cancellationToken);
        }
    }

    public override Task PingAsync(CancellationToken cancellationToken) =>
        _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    /// <summary>
    /// One document alone is atomic as it is; several take a transaction (production runs a replica set)
    /// with one bulk write per collection, so an import of thousands is a few round trips, not thousands.
    /// </summary>
    protected override Task WriteAsync(Changes changes, CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(async token =>
        {
            var now = DateTime.UtcNow;
            if (changes.Writes.Count == 1)
            {
                var write = changes.Writes[0];
                await WriteOneAsync(DefinitionOf(write.DocumentType).Name, write, now, token);
                return;
            }

            using var session = await _database.Client.StartSessionAsync(cancellationToken: token);
            await session.WithTransactionAsync(
                async (transaction, ct) =>
                {
                    foreach (var collection in changes.Writes.GroupBy(w => DefinitionOf(w.DocumentType).Name))
                    {
                        await WriteManyAsync(transaction, collection.Key, [.. collection], now, ct);
                    }

                    return true;
                },
                cancellationToken: token);
        }, cancellationToken).AsTask();

    private async Task WriteOneAsync(string collection, DocumentWrite write, DateTime now, CancellationToken cancellationToken)
    {
        bool written;
        if (write.ExpectedVersion == 0)
        {
            try
            {
                await Raw(collection).InsertOneAsync(MongoWrites.Document(write, now), cancellationToken: cancellationToken);
                written = true;
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                written = false;
            }
        }
        else
        {
            var result = await Raw(collection).UpdateOneAsync(
                MongoDefinitions.AtVersion(write.Document.Id, write.ExpectedVersion), MongoWrites.Update(write, now), cancellationToken: cancellationToken);
            written = result.MatchedCount == 1;
        }

        if (!written)
        {
            throw new ConcurrencyConflictException(collection, write.Document.Id, write.ExpectedVersion);
        }
    }

    /// <summary>Every write of one collection in one ordered bulk write; a conflict aborts the transaction.</summary>
    private async Task WriteManyAsync(IClientSessionHandle session, string collection, IReadOnlyList<DocumentWrite> writes, DateTime now, CancellationToken cancellationToken)
    {
        BulkWriteResult<BsonDocument> result;
        try
        {
            result = await Raw(collection).BulkWriteAsync(session, MongoWrites.Models(writes, now), new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        }
        catch (MongoBulkWriteException<BsonDocument> e) when (e.WriteErrors.FirstOrDefault(w => w.Category == ServerErrorCategory.DuplicateKey) is { } duplicate)
        {
            var write = writes[duplicate.Index];
            throw new ConcurrencyConflictException(collection, write.Document.Id, write.ExpectedVersion);
        }

        var updates = writes.Where(w => w.ExpectedVersion != 0).ToList();
        if (result.MatchedCount < updates.Count)
        {
            // Which one: the first whose expected version is no longer stored.
            var current = await Raw(collection).Find(session, MongoDefinitions.ByIds(updates.Select(w => w.Document.Id)))
                .Project(new BsonDocument("version", 1)).ToListAsync(cancellationToken);
            var stale = updates.First(w => !current.Any(c => c["_id"].AsString == w.Document.Id && c["version"].ToInt64() == w.ExpectedVersion));
            throw new ConcurrencyConflictException(collection, stale.Document.Id, stale.ExpectedVersion);
        }
    }

    internal IMongoCollection<BsonDocument> Raw(string collection) => _database.GetCollection<BsonDocument>(collection);

    internal IMongoCollection<T> Typed<T>(string collection) => _database.GetCollection<T>(collection);

    internal ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> operation, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(operation, cancellationToken);

    protected override IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) =>
        new MongoCollection<T>(this, definition);

    internal static ResiliencePipeline Pipeline(bool retry)
    {
        var pipeline = new ResiliencePipelineBuilder();
        if (retry)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
            });
        }

        return pipeline
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(TimeSpan.FromSeconds(15))
            .Build();
    }

    /// <summary>Errors worth retrying: the server was unreachable, stepping down or slow, not wrong.</summary>
    private static bool IsTransient(Exception exception) =>
        exception is MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException or TimeoutException or TimeoutRejectedException;
}
