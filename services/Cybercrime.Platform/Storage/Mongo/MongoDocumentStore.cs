using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// The production adapter: one MongoDB database per service. Pending events live in the aggregate's
/// own document (an <c>outbox</c> array), so state and events are one atomic single-document write
/// and no multi-document transaction is needed.
/// </summary>
public sealed class MongoDocumentStore : DocumentStore
{
    private readonly IMongoDatabase _database;

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
        Resilience.ExecuteAsync<IReadOnlyList<PendingEvent>>(async token =>
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
        Resilience.ExecuteAsync(async token =>
        {
            foreach (var document in published.GroupBy(p => (p.Collection, p.DocumentId)))
            {
                var update = Builders<BsonDocument>.Update.Pipeline(MongoDefinitions.Acknowledge(document.Select(p => p.Message.EventId)));
                await Raw(document.Key.Collection).UpdateOneAsync(MongoDefinitions.ById(document.Key.DocumentId), update, cancellationToken: token);
            }
        }, cancellationToken).AsTask();

    internal IMongoCollection<BsonDocument> Raw(string collection) => _database.GetCollection<BsonDocument>(collection);

    internal IMongoCollection<T> Typed<T>(string collection) => _database.GetCollection<T>(collection);

    internal ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> operation, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, cancellationToken);

    protected override IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) =>
        new MongoCollection<T>(this, definition);

    protected override bool IsTransient(Exception exception) =>
        exception is MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException or TimeoutException;
}
