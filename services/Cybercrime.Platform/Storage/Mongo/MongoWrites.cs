using Cybercrime.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>A commit's document writes as MongoDB sends them: a new document with its events, or a guarded update appending them.</summary>
internal static class MongoWrites
{
    /// <summary>A new document, its events in its <c>outbox</c> array stamped with when they were written.</summary>
    public static BsonDocument Document(DocumentWrite write, DateTime now)
    {
        var document = write.Document.ToBsonDocument(write.DocumentType);
        var outbox = Outbox(write, now);
        if (outbox.Count > 0)
        {
            document[MongoDefinitions.OutboxField] = outbox;
        }

        return document;
    }

    public static BsonDocument Update(DocumentWrite write, DateTime now) =>
        MongoDefinitions.Save(write.Document.ToBsonDocument(write.DocumentType), Outbox(write, now));

    public static IEnumerable<WriteModel<BsonDocument>> Models(IEnumerable<DocumentWrite> writes, DateTime now) =>
        writes.Select(write => write.ExpectedVersion == 0
            ? (WriteModel<BsonDocument>)new InsertOneModel<BsonDocument>(Document(write, now))
            : new UpdateOneModel<BsonDocument>(MongoDefinitions.AtVersion(write.Document.Id, write.ExpectedVersion), Update(write, now)));

    private static BsonArray Outbox(DocumentWrite write, DateTime now)
    {
        var outbox = MongoDefinitions.Outbox(write.Events.Select(OutboxMessage.From));
        foreach (var entry in outbox)
        {
            entry.AsBsonDocument["at"] = now;
        }

        return outbox;
    }
}
