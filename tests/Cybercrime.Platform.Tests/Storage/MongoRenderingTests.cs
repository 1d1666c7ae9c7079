using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>
/// The MongoDB adapter's filters, updates, indexes and class maps rendered to BSON offline, so their
/// exact shape is checked here even where no MongoDB server runs.
/// </summary>
public sealed class MongoRenderingTests
{
    public MongoRenderingTests() => MongoMapping.Register();

    [Fact]
    public void A_conditional_save_matches_the_id_at_the_expected_version()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "a", "version": { "$numberLong": "3" } }"""), MongoDefinitions.AtVersion("a", 3));
    }

    [Fact]
    public void A_version_guarded_upsert_matches_only_older_documents()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "a", "version": { "$lt": { "$numberLong": "3" } } }"""), MongoDefinitions.OlderThan("a", 3));
    }

    [Fact]
    public void Delete_all_matches_every_document()
    {
        Assert.Equal(new BsonDocument(), MongoDefinitions.Everything);
    }

    [Fact]
    public void Any_of_renders_values_with_the_field_serializer()
    {
        var owner = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal(BsonDocument.Parse("""{ "year": { "$in": [2019, 2020] } }"""), MongoDefinitions.AnyOf<Widget>("year", [2019, 2020]));
        Assert.Equal(BsonDocument.Parse("""{ "kind": { "$in": ["VeryLarge"] } }"""), MongoDefinitions.AnyOf<Widget>("kind", [WidgetKind.VeryLarge]));
        var rendered = MongoDefinitions.AnyOf<Widget>("owner", [owner]);
        var uuid = rendered["owner"]["$in"][0].AsBsonBinaryData;
        Assert.Equal((BsonBinarySubType.UuidStandard, owner), (uuid.SubType, uuid.ToGuid()));
    }

    [Fact]
    public void A_save_sets_the_state_and_appends_new_events_without_touching_older_ones()
    {
        var document = Widget.Make("a", version: 2).ToBsonDocument();
        var outbox = MongoDefinitions.Outbox([new OutboxMessage(Guid.Parse("11111111-1111-1111-1111-111111111111"), "T", "{}")]);

        var update = MongoDefinitions.Save(document, outbox);

        Assert.Equal(["$set", "$push"], update.Names);
        Assert.False(update["$set"].AsBsonDocument.Contains("_id"));
        Assert.False(update["$set"].AsBsonDocument.Contains("outbox"));
        Assert.Equal(2L, update["$set"]["version"].AsInt64);
        Assert.Equal(
            BsonDocument.Parse("""{ "outbox": { "$each": [{ "eventId": "11111111-1111-1111-1111-111111111111", "type": "T", "payload": "{}" }] } }"""),
            update["$push"].AsBsonDocument);
        Assert.Equal(["$set"], MongoDefinitions.Save(document, []).Names);
    }

    [Fact]
    public void Acknowledging_filters_out_the_published_ids_and_drops_an_empty_outbox()
    {
        var id = Guid.Parse("22222222-2222-2222-2222-222222222222");

        var stages = MongoDefinitions.Acknowledge([id])
            .Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry)).Documents;

        Assert.Equal(
            [
                BsonDocument.Parse("""
                    { "$set": { "outbox": { "$filter": { "input": "$outbox",
                        "cond": { "$not": [{ "$in": ["$$this.eventId", ["22222222-2222-2222-2222-222222222222"]] }] } } } } }
                    """),
                BsonDocument.Parse("""
                    { "$set": { "outbox": { "$cond": [{ "$eq": [{ "$size": "$outbox" }, 0] }, "$$REMOVE", "$outbox"] } } }
                    """),
            ],
            stages);
    }

    [Fact]
    public void Pending_events_are_found_through_the_sparse_outbox_index()
    {
        Assert.Equal(BsonDocument.Parse("""{ "outbox.eventId": { "$exists": true } }"""), MongoDefinitions.WithPendingEvents());
    }

    [Fact]
    public void Every_declared_field_gets_an_index_and_the_outbox_a_sparse_one()
    {
        var indexes = MongoDefinitions.Indexes(Widget.Definition).ToList();

        Assert.Equal(
            ["""{ "name" : 1 }""", """{ "year" : 1 }""", """{ "owner" : 1 }""", """{ "kind" : 1 }""", """{ "due" : 1 }""", """{ "tags" : 1 }""", """{ "outbox.eventId" : 1 }"""],
            indexes.Select(i => ((BsonDocumentIndexKeysDefinition<BsonDocument>)i.Keys).Document.ToJson()));
        Assert.Equal(["ix_name", "ix_year", "ix_owner", "ix_kind", "ix_due", "ix_tags", "ix_outbox"], indexes.Select(i => i.Options.Name));
        Assert.Equal([null, null, null, null, null, null, true], indexes.Select(i => i.Options.Sparse));
    }

    [Fact]
    public void A_document_round_trips_through_its_class_map_with_camel_case_names()
    {
        var widget = Widget.Make("a", version: 4, owner: Guid.NewGuid(), kind: WidgetKind.VeryLarge);

        var bson = widget.ToBsonDocument();

        Assert.Equal(["_id", "version", "name", "year", "owner", "kind", "tags", "due", "size"], bson.Names);
        Assert.Equal(new BsonArray { "VeryLarge", "VeryLarge" }, bson["tags"]);
        bson["outbox"] = new BsonArray();
        Assert.Equivalent(widget, BsonSerializer.Deserialize<Widget>(bson), strict: true);
    }

    [Fact]
    public void An_idempotency_record_round_trips_through_its_class_map()
    {
        var created = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
        var record = new Cybercrime.Platform.Http.IdempotencyRecord("GUA|key-1", 1, "ABC", 201, "{\"id\":\"x\"}", "/training/sessions/x", created, created.AddHours(24));

        var bson = record.ToBsonDocument();

        Assert.Equal(["_id", "version", "fingerprint", "statusCode", "body", "location", "createdAt", "expiresAt"], bson.Names);
        // A BSON date, or the TTL index would never delete the record.
        Assert.Equal(BsonType.DateTime, bson["expiresAt"].BsonType);
        Assert.Equal(record, BsonSerializer.Deserialize<Cybercrime.Platform.Http.IdempotencyRecord>(bson));
    }
}
