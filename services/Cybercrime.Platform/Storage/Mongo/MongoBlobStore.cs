using System.Security.Cryptography;
using Cybercrime.Platform.Storage.Blobs;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// Files in GridFS (the <c>blobs</c> bucket of the service's database, keyed by the caller's id). The
/// hash is computed while the chunks go up and set on the file's document last: a file without it is
/// an upload that did not finish, and reads as absent.
/// </summary>
internal sealed class MongoBlobStore(IMongoDatabase database) : BlobStore
{
    public const string Bucket = "blobs";

    private readonly GridFSBucket<string> _bucket = new(database, Options);

    public static GridFSBucketOptions Options => new() { BucketName = Bucket, ChunkSizeBytes = ChunkSize };

    /// <summary>The files document of a complete upload.</summary>
    public static FilterDefinition<GridFSFileInfo<string>> Complete(string id) =>
        Builders<GridFSFileInfo<string>>.Filter.Eq(file => file.Id, id) & Builders<GridFSFileInfo<string>>.Filter.Exists("metadata.sha256");

    public static UpdateDefinition<BsonDocument> Completed(string sha256) => Builders<BsonDocument>.Update.Set("metadata.sha256", sha256);

    public override async Task<BlobInfo> PutAsync(string id, Stream content, CancellationToken cancellationToken)
    {
        // GridFS would abort a duplicate by deleting the id's chunks, which are the stored file's: refuse it first.
        if (await Files.Find(new BsonDocument("_id", id)).AnyAsync(cancellationToken))
        {
            throw new BlobExistsException(id);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(content, hash);
        await _bucket.UploadFromStreamAsync(id, id, hashing, cancellationToken: cancellationToken);
        var info = new BlobInfo(id, hashing.BytesRead, Hex(hash));
        await Files.UpdateOneAsync(new BsonDocument("_id", id), Completed(info.Sha256), cancellationToken: cancellationToken);
        return info;
    }

    public override async Task<BlobInfo?> InfoAsync(string id, CancellationToken cancellationToken)
    {
        using var cursor = await _bucket.FindAsync(Complete(id), cancellationToken: cancellationToken);
        var file = await cursor.FirstOrDefaultAsync(cancellationToken);
        return file is null ? null : new BlobInfo(id, file.Length, file.Metadata["sha256"].AsString);
    }

    public override async Task<Stream?> OpenReadAsync(string id, CancellationToken cancellationToken) =>
        await InfoAsync(id, cancellationToken) is null ? null : await _bucket.OpenDownloadStreamAsync(id, cancellationToken: cancellationToken);

    public override async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _bucket.DeleteAsync(id, cancellationToken);
        }
        catch (GridFSFileNotFoundException)
        {
            // Already gone.
        }
    }

    private IMongoCollection<BsonDocument> Files => database.GetCollection<BsonDocument>($"{Bucket}.files");
}
