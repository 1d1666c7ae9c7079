using System.Security.Cryptography;
using Cybercrime.Platform.Storage.Blobs;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// Files in the service's SQLite file: a table of blobs (id, size, hash) and their chunks, GridFS's shape.
/// A file is written in one write of the group-commit queue, all or nothing; it is read chunk by chunk.
/// </summary>
internal sealed class SqliteBlobStore(SqliteDocumentStore store) : BlobStore
{
    private const int SqliteConstraint = 19;

    public static readonly string[] CreateTables =
    [
        "CREATE TABLE IF NOT EXISTS blobs (id TEXT PRIMARY KEY, size INTEGER NOT NULL, sha256 TEXT NOT NULL);",
        // A rowid table, so that a chunk is read through SQLite's incremental blob I/O straight into the reader's buffer.
        "CREATE TABLE IF NOT EXISTS blob_chunks (blob_id TEXT NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (blob_id, n));",
    ];

    public override Task<BlobInfo> PutAsync(string id, Stream content, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, token) =>
        {
            // Claimed first, so that a taken id fails before any chunk is written; the savepoint undoes it all on failure.
            var claim = connection.Statement("INSERT INTO blobs (id, size, sha256) VALUES ($id, 0, '');");
            claim.Parameters.AddWithValue("$id", id);
            try
            {
                await claim.ExecuteNonQueryAsync(token);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                throw new BlobExistsException(id);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ChunkSize];
            long size = 0;
            for (var n = 0; await ReadChunkAsync(content, buffer, hash, cancellationToken) is var read and > 0; n++)
            {
                var chunk = connection.Statement("INSERT INTO blob_chunks (blob_id, n, data) VALUES ($id, $n, $data);");
                chunk.Parameters.AddWithValue("$id", id);
                chunk.Parameters.AddWithValue("$n", n);
                chunk.Parameters.Add("$data", SqliteType.Blob).Value = read == buffer.Length ? buffer : buffer[..read];
                await chunk.ExecuteNonQueryAsync(token);
                size += read;
            }

            var info = new BlobInfo(id, size, Hex(hash));
            var complete = connection.Statement("UPDATE blobs SET size = $size, sha256 = $sha256 WHERE id = $id;");
            complete.Parameters.AddWithValue("$id", id);
            complete.Parameters.AddWithValue("$size", info.Size);
            complete.Parameters.AddWithValue("$sha256", info.Sha256);
            await complete.ExecuteNonQueryAsync(token);
            return info;
        }, cancellationToken);

    public override Task<BlobInfo?> InfoAsync(string id, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, token) =>
        {
            var command = connection.Statement("SELECT size, sha256 FROM blobs WHERE id = $id;");
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? new BlobInfo(id, reader.GetInt64(0), reader.GetString(1)) : null;
        }, cancellationToken);

    public override async Task<Stream?> OpenReadAsync(string id, CancellationToken cancellationToken) =>
        await InfoAsync(id, cancellationToken) is { } info ? new ChunkStream(info.Size, (n, buffer, token) => ChunkAsync(id, n, buffer, token)) : null;

    public override Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, token) =>
        {
            foreach (var sql in new[] { "DELETE FROM blob_chunks WHERE blob_id = $id;", "DELETE FROM blobs WHERE id = $id;" })
            {
                var command = connection.Statement(sql);
                command.Parameters.AddWithValue("$id", id);
                await command.ExecuteNonQueryAsync(token);
            }

            return true;
        }, cancellationToken);

    /// <summary>Copies chunk <paramref name="n"/> into <paramref name="buffer"/> through incremental blob I/O, with no array of its own.</summary>
    private Task<int> ChunkAsync(string id, int n, byte[] buffer, CancellationToken cancellationToken) =>
        store.ReadAsync(async (connection, token) =>
        {
            var command = connection.Statement("SELECT rowid FROM blob_chunks WHERE blob_id = $id AND n = $n;");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$n", n);
            var rowid = await command.ExecuteScalarAsync(token) as long? ?? throw new InvalidDataException($"Chunk {n} of file '{id}' is missing.");
            using var chunk = new SqliteBlob(connection.Connection, "blob_chunks", "data", rowid, readOnly: true);
            return await chunk.ReadAtLeastAsync(buffer, (int)chunk.Length, throwOnEndOfStream: true, token);
        }, cancellationToken);
}
