using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// Every filter, update and index the MongoDB adapter sends, built here as plain values so that
/// offline tests can render them to BSON and assert their exact shape.
/// </summary>
internal static class MongoDefinitions
{
    public const string OutboxField = "outbox";
    private const string OutboxEventId = "outbox.eventId";

    /// <summary>Every document: what a read model's delete-all removes.</summary>
    public static BsonDocument Everything => [];

    public static BsonDocument ById(string id) => new("_id", id);

    public static BsonDocument ByIds(IEnumerable<string> ids) => new("_id", new BsonDocument("$in", new BsonArray(ids)));

    public static BsonDocument AtVersion(string id, long version) => new() { { "_id", id }, { "version", version } };

    public static BsonDocument OlderThan(string id, long version) =>
        new() { { "_id", id }, { "version", new BsonDocument("$lt", version) } };

    /// <summary>
    /// <c>{ field: { $in: [...] } }</c>, each value serialized as the class map stores that member
    /// (enums as strings, Guids as standard UUIDs), so that the match is exact.
    /// </summary>
    public static BsonDocument AnyOf<T>(string field, IEnumerable<object?> values)
    {
        var member = BsonClassMap.LookupClassMap(typeof(T)).AllMemberMaps.SingleOrDefault(m => m.ElementName == field)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no element '{field}'.");
        var serializer = member.GetSerializer();
        return new BsonDocument(field, new BsonDocument("$in", new BsonArray(values.Select(serializer.ToBsonValue))));
    }

    public static BsonDocument WithPendingEvents() => new(OutboxEventId, new BsonDocument("$exists", true));

    public static BsonArray Outbox(IEnumerable<OutboxMessage> messages) =>
        new(messages.Select(m => new BsonDocument { { "eventId", m.EventId.ToString() }, { "type", m.Type }, { "payload", m.Payload } }));

    public static OutboxMessage ReadOutbox(BsonDocument entry) =>
        new(Guid.Parse(entry["eventId"].AsString), entry["type"].AsString, entry["payload"].AsString);

    /// <summary>Sets the document's state and appends its new events; events already there stay untouched.</summary>
    public static BsonDocument Save(BsonDocument document, BsonArray newEvents)
    {
        var state = new BsonDocument(document.Where(e => e.Name is not "_id" and not OutboxField));
        var update = new BsonDocument("$set", state);
        if (newEvents.Count > 0)
        {
            update.Add("$push", new BsonDocument(OutboxField, new BsonDocument("$each", newEvents)));
        }

        return update;
    }

    /// <summary>Removes the published events and drops the emptied array so the sparse index forgets the document.</summary>
    public static PipelineDefinition<BsonDocument, BsonDocument> Acknowledge(IEnumerable<Guid> eventIds)
    {
        var ids = new BsonArray(eventIds.Select(id => id.ToString()));
        var remaining = new BsonDocument("$filter", new BsonDocument
        {
            { "input", "$" + OutboxField },
            { "cond", new BsonDocument("$not", new BsonArray { new BsonDocument("$in", new BsonArray { "$$this.eventId", ids }) }) },
        });
        var dropIfEmpty = new BsonDocument("$cond", new BsonArray
        {
            new BsonDocument("$eq", new BsonArray { new BsonDocument("$size", "$" + OutboxField), 0 }),
            "$$REMOVE",
            "$" + OutboxField,
        });
        return PipelineDefinition<BsonDocument, BsonDocument>.Create(
            new BsonDocument("$set", new BsonDocument(OutboxField, remaining)),
            new BsonDocument("$set", new BsonDocument(OutboxField, dropIfEmpty)));
    }

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes(CollectionDefinition definition) =>
        definition.Indexes
            .Select(index => new CreateIndexModel<BsonDocument>(
                new BsonDocument(index.Select(field => new BsonElement(field == CollectionDefinition.IdField ? "_id" : field, 1))),
                new CreateIndexOptions { Name = $"ix_{string.Join('_', index)}" }))
            .Append(new CreateIndexModel<BsonDocument>(
                new BsonDocument(OutboxEventId, 1), new CreateIndexOptions { Name = "ix_outbox", Sparse = true }))
            .Concat(Expiry(definition));

    /// <summary>A TTL index: MongoDB deletes each document once its expiry date has passed.</summary>
    private static IEnumerable<CreateIndexModel<BsonDocument>> Expiry(CollectionDefinition definition) =>
        definition.ExpiryField is { } field
            ? [new CreateIndexModel<BsonDocument>(new BsonDocument(field, 1), new CreateIndexOptions { Name = $"ttl_{field}", ExpireAfter = TimeSpan.Zero })]
            : [];
}
