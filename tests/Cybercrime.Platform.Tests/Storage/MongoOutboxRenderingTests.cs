using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The MongoDB outbox's claims, parking and bulk writes rendered offline.</summary>
public sealed class MongoOutboxRenderingTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public MongoOutboxRenderingTests() => MongoMapping.Register();

    [Fact]
    public void A_document_is_claimable_when_free_already_ours_or_its_claim_expired()
    {
        Assert.Equal(
            BsonDocument.Parse("""
                { "outbox.eventId": { "$exists": true }, "$or": [
                    { "outboxClaim": { "$exists": false } }, { "outboxClaim.by": "copy-1" }, { "outboxClaim.until": { "$lte": { "$date": "2026-01-02T03:04:05Z" } } } ] }
                """),
            MongoOutbox.Claimable("copy-1", Now));
        Assert.Equal(BsonArray.Create(new[] { "a", "b" }), MongoOutbox.Claimable("copy-1", Now, ["a", "b"])["_id"]["$in"]);
        Assert.Equal(
            BsonDocument.Parse("""{ "$set": { "outboxClaim": { "by": "copy-1", "until": { "$date": "2026-01-02T03:04:05Z" }, "batch": "b1" } } }"""),
            MongoOutbox.Claim("copy-1", "b1", Now));
    }

    [Fact]
    public void Acknowledging_also_releases_the_claim()
    {
        var stages = Render(MongoOutbox.Acknowledge([Guid.Empty]));

        Assert.Equal(3, stages.Count);
        Assert.Equal(BsonDocument.Parse("""{ "$unset": "outboxClaim" }"""), stages[2]);
    }

    [Fact]
    public void Parking_moves_the_event_to_the_parked_array_with_its_reason()
    {
        var entry = BsonDocument.Parse("""{ "eventId": "e1", "type": "T", "payload": "{}" }""");

        Assert.Equal(
            BsonDocument.Parse("""
                { "$pull": { "outbox": { "eventId": "e1" } },
                  "$push": { "outboxParked": { "eventId": "e1", "type": "T", "payload": "{}", "reason": "gone", "parkedAt": { "$date": "2026-01-02T03:04:05Z" } } } }
                """),
            MongoOutbox.Park(entry, "gone", Now));
    }

    [Fact]
    public void Replaying_appends_the_parked_events_to_the_outbox_and_drops_them_as_parked()
    {
        var stages = Render(MongoOutbox.Replay());

        Assert.Equal(
            BsonDocument.Parse("""
                { "$set": { "outbox": { "$concatArrays": [ { "$ifNull": ["$outbox", []] },
                    { "$map": { "input": "$outboxParked", "in": { "eventId": "$$this.eventId", "type": "$$this.type", "payload": "$$this.payload", "at": "$$this.at" } } } ] } } }
                """),
            stages[0]);
        Assert.Equal(BsonDocument.Parse("""{ "$unset": "outboxParked" }"""), stages[1]);
    }

    [Fact]
    public void A_multi_document_commit_is_one_bulk_of_inserts_and_guarded_updates_with_stamped_events()
    {
        var @event = new ParticipantRegistered(
            Guid.NewGuid(), DateTimeOffset.UnixEpoch, "VIE", Guid.NewGuid(), 1,
            new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.LawEnforcement, null, EnrolmentStatus.Registered));
        var writes = new Changes().Save(Widget.Make("new"), 0, @event).Save(Widget.Make("old", version: 3), 2).Writes;

        var models = MongoWrites.Models(writes, Now).ToList();

        var insert = Assert.IsType<InsertOneModel<BsonDocument>>(models[0]);
        Assert.Equal(Now, insert.Document["outbox"][0]["at"].ToUniversalTime());
        var update = Assert.IsType<UpdateOneModel<BsonDocument>>(models[1]);
        Assert.Equal(MongoDefinitions.AtVersion("old", 2), update.Filter.Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry)));
    }

    [Fact]
    public async Task Writes_are_not_retried_on_a_time_out_but_reads_are()
    {
        var (writes, reads) = (0, 0);

        await Assert.ThrowsAsync<TimeoutException>(() => MongoDocumentStore.Pipeline(retry: false)
            .ExecuteAsync(_ => { writes++; throw new TimeoutException(); }, TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<TimeoutException>(() => MongoDocumentStore.Pipeline(retry: true)
            .ExecuteAsync(_ => { reads++; throw new TimeoutException(); }, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal((1, 5), (writes, reads));
    }

    private static List<BsonDocument> Render(PipelineDefinition<BsonDocument, BsonDocument> pipeline) =>
        [.. pipeline.Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry)).Documents];
}
