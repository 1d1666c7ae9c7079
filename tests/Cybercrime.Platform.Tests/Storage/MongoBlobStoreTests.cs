using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Blobs;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.TestSupport;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The file contract against a real MongoDB (GridFS); skipped, with the reason, where none is reachable.</summary>
public sealed class MongoBlobStoreTests : BlobStoreContract
{
    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var (uri, reason) = await TestMongo.ConnectionAsync();
        if (uri is null)
        {
            Assert.Skip(reason);
        }

        var store = new MongoDocumentStore("test", new MongoClient(uri).GetDatabase($"test-{Guid.NewGuid():N}"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }
}

/// <summary>The GridFS adapter's bucket, filters and update rendered offline.</summary>
public sealed class MongoBlobRenderingTests
{
    [Fact]
    public void Files_go_to_the_blobs_bucket_in_chunks_of_the_shared_size()
    {
        var options = MongoBlobStore.Options;

        Assert.Equal(("blobs", BlobStore.ChunkSize), (options.BucketName, options.ChunkSizeBytes));
    }

    [Fact]
    public void A_file_reads_as_stored_only_once_its_hash_is_set()
    {
        var serializer = BsonSerializer.LookupSerializer<GridFSFileInfo<string>>();
        var rendered = MongoBlobStore.Complete("doc-1").Render(new RenderArgs<GridFSFileInfo<string>>(serializer, BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "_id": "doc-1", "metadata.sha256": { "$exists": true } }"""), rendered);
    }

    [Fact]
    public void Completing_an_upload_sets_its_hash_in_the_metadata()
    {
        var serializer = BsonSerializer.LookupSerializer<BsonDocument>();
        var rendered = MongoBlobStore.Completed("ab12").Render(new RenderArgs<BsonDocument>(serializer, BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "$set": { "metadata.sha256": "ab12" } }"""), rendered);
    }
}
