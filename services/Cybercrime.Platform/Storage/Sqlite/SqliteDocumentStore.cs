using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage.Blobs;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// The embedded adapter: one SQLite file per service in WAL mode, each collection a table of JSON
/// documents with an expression index per declared field, and one outbox table written in the
/// same transaction as the document. No resilience pipeline: the only transient errors of a local
/// file are busy and locked, which Microsoft.Data.Sqlite already retries for up to the command
/// timeout (30 s); a Polly pipeline around every call cost reporting a fifth of its throughput.
/// </summary>
public sealed partial class SqliteDocumentStore : DocumentStore, IAsyncDisposable
{
    private const int SqliteConstraint = 19;

    private readonly string _path;
    private readonly SqliteConnections _connections;
    private readonly SqliteWriter _writer;

    /// <param name="writeDeadline">How long a write may wait for the writer (10 s by default) before it fails with <see cref="StoreUnavailableException"/>.</param>
    public SqliteDocumentStore(string name, string path, IEnumerable<CollectionDefinition> definitions, TimeSpan? writeDeadline = null)
        : base(name, definitions)
    {
        _path = path;
        _connections = new SqliteConnections(path);
        _writer = new SqliteWriter(_connections.OpenAsync, writeDeadline ?? TimeSpan.FromSeconds(10));
        Blobs = new SqliteBlobStore(this);
    }

    public override BlobStore Blobs { get; }

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = await _connections.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, SqliteSql.CreateOutbox, cancellationToken);
        await UpgradeOutboxAsync(connection, cancellationToken);
        foreach (var statement in SqliteBlobStore.CreateTables)
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        foreach (var definition in Definitions)
        {
            foreach (var statement in SqliteSql.CreateCollection(definition))
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }
    }

    public override Task PingAsync(CancellationToken cancellationToken) =>
        ReadAsync((connection, token) => ExecuteAsync(connection, "SELECT 1;", token), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _connections.Dispose();
    }

    protected override Task WriteAsync(Changes changes, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, token) =>
        {
            foreach (var write in changes.Writes)
            {
                var collection = DefinitionOf(write.DocumentType).Name;
                if (!await WriteDocumentAsync(connection, collection, write, token))
                {
                    throw new ConcurrencyConflictException(collection, write.Document.Id, write.ExpectedVersion);
                }

                foreach (var @event in write.Events)
                {
                    await WriteOutboxAsync(connection, collection, write.Document.Id, OutboxMessage.From(@event), token);
                }
            }

            return true;
        }, cancellationToken);

    /// <summary>A write through the group-commit queue.</summary>
    internal Task<T> WriteAsync<T>(Func<PreparedConnection, CancellationToken, Task<T>> apply, CancellationToken cancellationToken) =>
        _writer.WriteAsync(apply, cancellationToken);

    /// <summary>A read on one of the store's connections.</summary>
    internal Task<T> ReadAsync<T>(Func<PreparedConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        _connections.ReadAsync(connection => read(connection, cancellationToken), cancellationToken);

    protected override IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) =>
        new SqliteCollection<T>(this, definition);

    private static async Task<bool> WriteDocumentAsync(PreparedConnection connection, string collection, DocumentWrite write, CancellationToken cancellationToken)
    {
        var command = connection.Statement(write.ExpectedVersion == 0
            ? $"""INSERT INTO "{collection}" (id, version, body) VALUES ($id, $version, $body);"""
            : $"""UPDATE "{collection}" SET version = $version, body = $body WHERE id = $id AND version = $expected;""");
        SqliteSql.Bind(command, write.Document, write.DocumentType);
        if (write.ExpectedVersion != 0)
        {
            command.Parameters.AddWithValue("$expected", write.ExpectedVersion);
        }

        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    private static async Task WriteOutboxAsync(
        PreparedConnection connection, string collection, string documentId, OutboxMessage message, CancellationToken cancellationToken)
    {
        var command = connection.Statement("""
            INSERT INTO outbox (collection, document_id, event_id, type, payload, created_at)
            VALUES ($collection, $document, $event, $type, $payload, $now);
            """);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$collection", collection);
        command.Parameters.AddWithValue("$document", documentId);
        command.Parameters.AddWithValue("$event", message.EventId.ToString());
        command.Parameters.AddWithValue("$type", message.Type);
        command.Parameters.AddWithValue("$payload", message.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> ExecuteAsync(PreparedConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.OneOff();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
