using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>The outbox arrays of the aggregates' documents: claimed per document, parked aside, acknowledged in bulk.</summary>
public sealed partial class MongoDocumentStore
{
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
                pending.AddRange(Entries(definition.Name, documents));
            }

            return pending.Take(max).ToList();
        }, cancellationToken).AsTask();

    /// <summary>Per collection: the candidates, one update that claims those still claimable, then what that update took.</summary>
    public override Task<IReadOnlyList<PendingEvent>> ClaimAsync(string claimant, int max, TimeSpan hold, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync<IReadOnlyList<PendingEvent>>(async token =>
        {
            var now = DateTime.UtcNow;
            var batch = Guid.NewGuid().ToString("N");
            var claimed = new List<PendingEvent>();
            foreach (var definition in Definitions)
            {
                var collection = Raw(definition.Name);
                var candidates = await collection.Find(MongoOutbox.Claimable(claimant, now))
                    .Project(new BsonDocument("_id", 1)).Limit(Math.Max(1, max - claimed.Count)).ToListAsync(token);
                if (candidates.Count == 0)
                {
                    continue;
                }

                await collection.UpdateManyAsync(
                    MongoOutbox.Claimable(claimant, now, candidates.Select(c => c["_id"])), MongoOutbox.Claim(claimant, batch, now + hold), cancellationToken: token);
                var documents = await collection.Find(MongoOutbox.ClaimedIn(batch))
                    .Project(new BsonDocument(MongoDefinitions.OutboxField, 1)).ToListAsync(token);
                claimed.AddRange(Entries(definition.Name, documents));
                if (claimed.Count >= max)
                {
                    break;
                }
            }

            return claimed;
        }, cancellationToken).AsTask();

    /// <summary>One bulk write per collection, so a batch costs one round trip, not one per document.</summary>
    public override Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(async token =>
        {
            foreach (var collection in published.GroupBy(p => p.Collection))
            {
                var updates = collection.GroupBy(p => p.DocumentId).Select(document => new UpdateOneModel<BsonDocument>(
                    MongoDefinitions.ById(document.Key), MongoOutbox.Acknowledge(document.Select(p => p.Message.EventId))));
                await Raw(collection.Key).BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, token);
            }
        }, cancellationToken).AsTask();

    public override Task ParkAsync(PendingEvent entry, string reason, CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(async token =>
        {
            var stored = MongoDefinitions.Outbox([entry.Message])[0].AsBsonDocument;
            await Raw(entry.Collection).UpdateOneAsync(
                MongoDefinitions.ById(entry.DocumentId), MongoOutbox.Park(stored, reason, DateTime.UtcNow), cancellationToken: token);
        }, cancellationToken).AsTask();

    public override Task<IReadOnlyList<ParkedEvent>> ParkedEventsAsync(int max, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync<IReadOnlyList<ParkedEvent>>(async token =>
        {
            var parked = new List<ParkedEvent>();
            foreach (var definition in Definitions)
            {
                var documents = await Raw(definition.Name).Find(MongoOutbox.WithParkedEvents())
                    .Project(new BsonDocument(MongoOutbox.ParkedField, 1)).Limit(max).ToListAsync(token);
                parked.AddRange(documents.SelectMany(d => d[MongoOutbox.ParkedField].AsBsonArray.Select(e => e.AsBsonDocument).Select(e => new ParkedEvent(
                    definition.Name, d["_id"].AsString, Guid.Parse(e["eventId"].AsString), e["type"].AsString,
                    e["reason"].AsString, new DateTimeOffset(e["parkedAt"].ToUniversalTime())))));
            }

            return parked.OrderBy(p => p.ParkedAt).Take(max).ToList();
        }, cancellationToken).AsTask();

    public override Task<int> ReplayParkedAsync(CancellationToken cancellationToken) =>
        _writes.ExecuteAsync(async token =>
        {
            var replayed = 0;
            foreach (var definition in Definitions)
            {
                var documents = await Raw(definition.Name).Find(MongoOutbox.WithParkedEvents())
                    .Project(new BsonDocument(MongoOutbox.ParkedField, 1)).ToListAsync(token);
                if (documents.Count == 0)
                {
                    continue;
                }

                await Raw(definition.Name).UpdateManyAsync(
                    MongoDefinitions.ByIds(documents.Select(d => d["_id"].AsString)), MongoOutbox.Replay(), cancellationToken: token);
                replayed += documents.Sum(d => d[MongoOutbox.ParkedField].AsBsonArray.Count);
            }

            return replayed;
        }, cancellationToken).AsTask();

    public override Task<DateTimeOffset?> OldestPendingAsync(CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync<DateTimeOffset?>(async token =>
        {
            DateTimeOffset? oldest = null;
            foreach (var definition in Definitions)
            {
                var found = await Raw(definition.Name).Aggregate(MongoOutbox.Oldest(), cancellationToken: token).FirstOrDefaultAsync(token);
                if (found?.GetValue("at", BsonNull.Value) is BsonDateTime at && (oldest is null || at.ToUniversalTime() < oldest))
                {
                    oldest = new DateTimeOffset(at.ToUniversalTime());
                }
            }

            return oldest;
        }, cancellationToken).AsTask();

    private static IEnumerable<PendingEvent> Entries(string collection, IEnumerable<BsonDocument> documents) =>
        documents.SelectMany(d => d[MongoDefinitions.OutboxField].AsBsonArray.Select(entry =>
            new PendingEvent(collection, d["_id"].AsString, MongoDefinitions.ReadOutbox(entry.AsBsonDocument))));
}
