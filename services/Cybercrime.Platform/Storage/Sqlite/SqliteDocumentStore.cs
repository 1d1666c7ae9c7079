using Cybercrime.Platform.Outbox;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// The embedded adapter: one SQLite file per service in WAL mode, each collection a table of JSON
/// documents with an expression index per declared field, and one outbox table written in the
/// same transaction as the document.
/// </summary>
public sealed class SqliteDocumentStore : DocumentStore, IAsyncDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SqliteWriter _writer;

    public SqliteDocumentStore(string name, string path, IEnumerable<CollectionDefinition> definitions)
        : base(name, definitions)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteWriter(OpenAsync);
    }

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, SqliteSql.CreateOutbox, cancellationToken);
        foreach (var definition in Definitions)
        {
            foreach (var statement in SqliteSql.CreateCollection(definition))
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }
    }

    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT 1;", cancellationToken);
    }

    public override Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(int max, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync<IReadOnlyList<PendingEvent>>(async token =>
        {
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT collection, document_id, event_id, type, payload FROM outbox ORDER BY seq LIMIT $max;";
            command.Parameters.AddWithValue("$max", max);
            await using var reader = await command.ExecuteReaderAsync(token);
            var pending = new List<PendingEvent>();
            while (await reader.ReadAsync(token))
            {
                var message = new OutboxMessage(Guid.Parse(reader.GetString(2)), reader.GetString(3), reader.GetString(4));
                pending.Add(new PendingEvent(reader.GetString(0), reader.GetString(1), message));
            }

            return pending;
        }, cancellationToken).AsTask();

    public override Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, token) =>
        {
            foreach (var chunk in published.Chunk(SqliteSql.MaxParameters))
            {
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"DELETE FROM outbox WHERE event_id IN ({SqliteSql.Parameters(command, chunk.Select(p => (object)p.Message.EventId.ToString()))});";
                await command.ExecuteNonQueryAsync(token);
            }

            return true;
        }, cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    protected override Task WriteAsync(Changes changes, CancellationToken cancellationToken) =>
        WriteAsync(async (transaction, token) =>
        {
            foreach (var write in changes.Writes)
            {
                var collection = DefinitionOf(write.DocumentType).Name;
                if (!await WriteDocumentAsync(transaction, collection, write, token))
                {
                    throw new ConcurrencyConflictException(collection, write.Document.Id, write.ExpectedVersion);
                }

                foreach (var @event in write.Events)
                {
                    await WriteOutboxAsync(transaction, collection, write.Document.Id, OutboxMessage.From(@event), token);
                }
            }

            return true;
        }, cancellationToken);

    /// <summary>A write through the group-commit queue, retried on transient errors like every store call.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteTransaction, CancellationToken, Task<T>> apply, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(async token => await _writer.WriteAsync(apply, token), cancellationToken).AsTask();

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal ValueTask<TResult> RunAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> operation, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, cancellationToken);

    protected override IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) =>
        new SqliteCollection<T>(this, definition);

    protected override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    private static async Task<bool> WriteDocumentAsync(SqliteTransaction transaction, string collection, DocumentWrite write, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = write.ExpectedVersion == 0
            ? $"""INSERT INTO "{collection}" (id, version, body) VALUES ($id, $version, $body);"""
            : $"""UPDATE "{collection}" SET version = $version, body = $body WHERE id = $id AND version = $expected;""";
        SqliteSql.Bind(command, write.Document, write.DocumentType);
        command.Parameters.AddWithValue("$expected", write.ExpectedVersion);
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
        SqliteTransaction transaction, string collection, string documentId, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (collection, document_id, event_id, type, payload)
            VALUES ($collection, $document, $event, $type, $payload);
            """;
        command.Parameters.AddWithValue("$collection", collection);
        command.Parameters.AddWithValue("$document", documentId);
        command.Parameters.AddWithValue("$event", message.EventId.ToString());
        command.Parameters.AddWithValue("$type", message.Type);
        command.Parameters.AddWithValue("$payload", message.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
