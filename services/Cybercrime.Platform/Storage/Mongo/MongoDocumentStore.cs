using Cybercrime.Platform.Outbox;
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
/// fast, and a timeout per attempt.
/// </summary>
public sealed class MongoDocumentStore : DocumentStore
{
    private readonly IMongoDatabase _database;

    private readonly ResiliencePipeline _resilience = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
        })
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

    public MongoDocumentStore(string name, IMongoDatabase database, IEnumerable<CollectionDefinition> definitions)
        : base(name, definitions)
    {
        MongoMapping.Register();
        _database = database;
    }

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
            await Raw(definition.Name).Indexes.CreateManyAsync(MongoDefinitions.Indexes(definition), cancellationToken);
        }
    }

    public override Task PingAsync(CancellationToken cancellationToken) =>
        _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    public override Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(int max, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync<IReadOnlyList<PendingEvent>>(async token =>
        {
            var pending = new List<PendingEvent>();
            foreach (var definition in Definitions)
            {
                var documents = await Raw(definition.Name)
                    .Find(MongoDefinitions.WithPendingEvents())
                    .Project(new BsonDocument(MongoDefinitions.OutboxField, 1))
                    .Limit(max)
                    .ToListAsync(token);
                pending.AddRange(documents.SelectMany(d => d[MongoDefinitions.OutboxField].AsBsonArray.Select(entry =>
                    new PendingEvent(definition.Name, d["_id"].AsString, MongoDefinitions.ReadOutbox(entry.AsBsonDocument)))));
            }

            return pending.Take(max).ToList();
        }, cancellationToken).AsTask();

    public override Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(async token =>
        {
            foreach (var document in published.GroupBy(p => (p.Collection, p.DocumentId)))
            {
                var update = Builders<BsonDocument>.Update.Pipeline(MongoDefinitions.Acknowledge(document.Select(p => p.Message.EventId)));
                await Raw(document.Key.Collection).UpdateOneAsync(MongoDefinitions.ById(document.Key.DocumentId), update, cancellationToken: token);
            }
        }, cancellationToken).AsTask();

    /// <summary>One document alone is atomic as it is; several take a transaction (production runs a replica set).</summary>
    protected override Task WriteAsync(Changes changes, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(async token =>
        {
            if (changes.Writes.Count == 1)
            {
                await WriteAsync(null, changes.Writes[0], token);
                return;
            }

            using var session = await _database.Client.StartSessionAsync(cancellationToken: token);
            await session.WithTransactionAsync(
                async (transaction, ct) =>
                {
                    foreach (var write in changes.Writes)
                    {
                        await WriteAsync(transaction, write, ct);
                    }

                    return true;
                },
                cancellationToken: token);
        }, cancellationToken).AsTask();

    private async Task WriteAsync(IClientSessionHandle? session, DocumentWrite write, CancellationToken cancellationToken)
    {
        var collection = DefinitionOf(write.DocumentType).Name;
        var document = write.Document.ToBsonDocument(write.DocumentType);
        var outbox = MongoDefinitions.Outbox(write.Events.Select(OutboxMessage.From));
        bool written;
        if (write.ExpectedVersion == 0)
        {
            if (outbox.Count > 0)
            {
                document[MongoDefinitions.OutboxField] = outbox;
            }

            try
            {
                await (session is null
                    ? Raw(collection).InsertOneAsync(document, cancellationToken: cancellationToken)
                    : Raw(collection).InsertOneAsync(session, document, cancellationToken: cancellationToken));
                written = true;
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                written = false;
            }
        }
        else
        {
            var filter = MongoDefinitions.AtVersion(write.Document.Id, write.ExpectedVersion);
            var update = MongoDefinitions.Save(document, outbox);
            var result = session is null
                ? await Raw(collection).UpdateOneAsync(filter, update, cancellationToken: cancellationToken)
                : await Raw(collection).UpdateOneAsync(session, filter, update, cancellationToken: cancellationToken);
            written = result.MatchedCount == 1;
        }

        if (!written)
        {
            throw new ConcurrencyConflictException(collection, write.Document.Id, write.ExpectedVersion);
        }
    }

    internal IMongoCollection<BsonDocument> Raw(string collection) => _database.GetCollection<BsonDocument>(collection);

    internal IMongoCollection<T> Typed<T>(string collection) => _database.GetCollection<T>(collection);

    internal ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> operation, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(operation, cancellationToken);

    protected override IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) =>
        new MongoCollection<T>(this, definition);

    /// <summary>Errors worth retrying: the server was unreachable, stepping down or slow, not wrong.</summary>
    private static bool IsTransient(Exception exception) =>
        exception is MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException or TimeoutException or TimeoutRejectedException;
}
