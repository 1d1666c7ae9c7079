using System.Security.Cryptography;

namespace Cybercrime.Platform.Storage.Blobs;

/// <summary>What the store knows of a file it keeps: its size in bytes and SHA-256 (lower-case hex).</summary>
public sealed record BlobInfo(string Id, long Size, string Sha256);

/// <summary>A file already stored under that id: files are written once and never overwritten.</summary>
public sealed class BlobExistsException(string id) : Exception($"A file is already stored as '{id}'.");

/// <summary>
/// The files of one store (the blob part of the storage port): written once under a new id, read as a
/// stream, deleted. Every adapter streams in chunks, so a file is never held whole in memory, and
/// computes the size and SHA-256 of what it stored as it writes.
/// </summary>
public abstract class BlobStore
{
    /// <summary>The chunk size of both adapters (GridFS's default): a file is read and written this much at a time.</summary>
    public const int ChunkSize = 255 * 1024;

    /// <summary>
    /// Stores <paramref name="content"/> from its current position to its end under <paramref name="id"/>.
    /// Throws <see cref="BlobExistsException"/>, keeping the stored file, when the id is taken.
    /// Pass a local stream (a staged file): an adapter may hold its database's writer while it copies.
    /// </summary>
    public abstract Task<BlobInfo> PutAsync(string id, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored file's size and hash, or null when there is none.</summary>
    public abstract Task<BlobInfo?> InfoAsync(string id, CancellationToken cancellationToken);

    /// <summary>The stored file as a stream read chunk by chunk (dispose it), or null when there is none.</summary>
    public abstract Task<Stream?> OpenReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes the file; nothing happens when there is none.</summary>
    public abstract Task DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="content"/> in chunks of <see cref="ChunkSize"/>, hashing as it goes; the hash is complete once it returns 0.</summary>
    protected static async Task<int> ReadChunkAsync(Stream content, byte[] buffer, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        hash.AppendData(buffer, 0, filled);
        return filled;
    }

    protected static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());
}
