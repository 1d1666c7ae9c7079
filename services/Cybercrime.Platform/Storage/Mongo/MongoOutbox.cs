using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// The outbox's claims and parking inside an aggregate's document, as plain values for offline tests.
/// A claim covers the whole document (<c>outboxClaim: { by, until }</c>), so one dispatcher publishes
/// its events in array order; parked events move to <c>outboxParked</c> with their reason.
/// </summary>
internal static class MongoOutbox
{
    public const string ClaimField = "outboxClaim";
    public const string ParkedField = "outboxParked";
    private const string ParkedEventId = "outboxParked.eventId";

    /// <summary>Documents with events that nobody holds, that <paramref name="claimant"/> holds, or whose hold expired.</summary>
    public static BsonDocument Claimable(string claimant, DateTime now) => new()
    {
        { "outbox.eventId", new BsonDocument("$exists", true) },
        { "$or", new BsonArray
            {
                new BsonDocument(ClaimField, new BsonDocument("$exists", false)),
                new BsonDocument($"{ClaimField}.by", claimant),
                new BsonDocument($"{ClaimField}.until", new BsonDocument("$lte", now)),
            }
        },
    };

    public static BsonDocument Claimable(string claimant, DateTime now, IEnumerable<BsonValue> ids) =>
        new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids))).AddRange(Claimable(claimant, now));

    /// <summary>The claim's <paramref name="batch"/> finds, afterwards, exactly the documents this one update took.</summary>
    public static BsonDocument Claim(string claimant, string batch, DateTime until) =>
        new("$set", new BsonDocument(ClaimField, new BsonDocument { { "by", claimant }, { "until", until }, { "batch", batch } }));

    public static BsonDocument ClaimedIn(string batch) => new($"{ClaimField}.batch", batch);

    /// <summary>The acknowledgement's pipeline, then the claim released, so later events can be claimed by anyone.</summary>
    public static PipelineDefinition<BsonDocument, BsonDocument> Acknowledge(IEnumerable<Guid> eventIds) =>
        PipelineDefinition<BsonDocument, BsonDocument>.Create(
            MongoDefinitions.Acknowledge(eventIds).Stages.Append(new BsonDocumentPipelineStageDefinition<BsonDocument, BsonDocument>(
                new BsonDocument("$unset", ClaimField))));

    /// <summary>Moves one event from the outbox to the parked events, with why and when.</summary>
    public static BsonDocument Park(BsonDocument entry, string reason, DateTime at) => new()
    {
        { "$pull", new BsonDocument(MongoDefinitions.OutboxField, new BsonDocument("eventId", entry["eventId"])) },
        { "$push", new BsonDocument(ParkedField, new BsonDocument(entry).Add("reason", reason).Add("parkedAt", at)) },
    };

    public static BsonDocument WithParkedEvents() => new(ParkedEventId, new BsonDocument("$exists", true));

    /// <summary>Appends the parked events to the outbox, as they were written, and forgets them as parked.</summary>
    public static PipelineDefinition<BsonDocument, BsonDocument> Replay() => PipelineDefinition<BsonDocument, BsonDocument>.Create(
        new BsonDocument("$set", new BsonDocument(MongoDefinitions.OutboxField, new BsonDocument("$concatArrays", new BsonArray
        {
            new BsonDocument("$ifNull", new BsonArray { "$" + MongoDefinitions.OutboxField, new BsonArray() }),
            new BsonDocument("$map", new BsonDocument
            {
                { "input", "$" + ParkedField },
                { "in", new BsonDocument { { "eventId", "$$this.eventId" }, { "type", "$$this.type" }, { "payload", "$$this.payload" }, { "at", "$$this.at" } } },
            }),
        }))),
        new BsonDocument("$unset", ParkedField));

    /// <summary>The write time of the oldest pending event of a collection.</summary>
    public static PipelineDefinition<BsonDocument, BsonDocument> Oldest() => PipelineDefinition<BsonDocument, BsonDocument>.Create(
        new BsonDocument("$match", MongoDefinitions.WithPendingEvents()),
        new BsonDocument("$project", new BsonDocument("at", new BsonDocument("$min", "$outbox.at"))),
        new BsonDocument("$sort", new BsonDocument("at", 1)),
        new BsonDocument("$limit", 1));

    public static CreateIndexModel<BsonDocument> ParkedIndex() =>
        new(new BsonDocument(ParkedEventId, 1), new CreateIndexOptions { Name = "ix_outbox_parked", Sparse = true });
}
