using System.Diagnostics;
using System.Text.Json;
using Cybercrime.Contracts;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Benchmarks;

/// <summary>
/// An import's baseline: the same number of documents and their events written straight into a SQLite
/// file in one transaction, with the one index the service keeps on them; no checks, no HTTP.
/// </summary>
internal static class DirectWrite
{
    /// <param name="indexed">The JSON path of the field the documents are indexed by, e.g. <c>$.sessionId</c>.</param>
    /// <param name="row">The id, document and event of row i, in the service's own shapes.</param>
    /// <returns>Milliseconds taken, the schema's creation left out.</returns>
    public static async Task<double> TimeAsync(string file, string indexed, int rows, Func<int, (string Id, object Document, IIntegrationEvent Event)> row)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"""
                PRAGMA journal_mode=WAL;
                CREATE TABLE documents (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE INDEX ix_documents ON documents (json_extract(body, '{indexed}'));
                CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, payload TEXT NOT NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        for (var i = 0; i < rows; i++)
        {
            var (id, document, @event) = row(i);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO documents (id, version, body) VALUES ($id, 1, $body);
                INSERT INTO outbox (event_id, payload) VALUES ($event, $payload);
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, document.GetType(), ContractJson.Options));
            command.Parameters.AddWithValue("$event", @event.EventId.ToString());
            command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(@event, @event.GetType(), ContractJson.Options));
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return clock.Elapsed.TotalMilliseconds;
    }
}
