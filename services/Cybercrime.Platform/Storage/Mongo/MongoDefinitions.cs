using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
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

    static MongoDefinitions()
    {
        // camelCase element names, so that field names mean the same thing in both adapters.
        var conventions = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreExtraElementsConvention(true),
            new EnumRepresentationConvention(BsonType.String),
        };
        ConventionRegistry.Register("cybercrime", conventions, type => type.Namespace?.StartsWith("Cybercrime", StringComparison.Ordinal) == true);
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
    }

    /// <summary>Runs the static set-up above before any class map is built.</summary>
    public static void EnsureRegistered()
    {
    }

    public static BsonDocument ById(string id) => new("_id", id);

    public static BsonDocument AtVersion(string id, long version) => new() { { "_id", id }, { "version", version } };

    public static BsonDocument OlderThan(string id, long version) =>
        new() { { "_id", id }, { "version", new BsonDocument("$lt", version) } };

    public static FilterDefinition<T> AnyOf<T, TValue>(string field, IEnumerable<TValue> values) =>
        Builders<T>.Filter.In(new StringFieldDefinition<T, TValue>(field), values);

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
        definition.IndexedFields
            .Select(field => new CreateIndexModel<BsonDocument>(new BsonDocument(field, 1), new CreateIndexOptions { Name = $"ix_{field}" }))
            .Append(new CreateIndexModel<BsonDocument>(
                new BsonDocument(OutboxEventId, 1), new CreateIndexOptions { Name = "ix_outbox", Sparse = true }));
}
