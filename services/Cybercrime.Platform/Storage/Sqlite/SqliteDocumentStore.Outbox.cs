using Cybercrime.Platform.Outbox;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// The outbox table: rows in the order written (seq), each claimed by one dispatcher until its
/// claim expires, or parked with a reason when it cannot be published. Times are Unix milliseconds.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    private const string Pending = "parked_at IS NULL";

    /// <summary>Columns added after the table's first shape; existing files gain them at start-up.</summary>
    private static readonly (string Column, string Type)[] Added =
        [("created_at", "INTEGER"), ("claimed_by", "TEXT"), ("claim_expires", "INTEGER"), ("parked_at", "INTEGER"), ("parked_reason", "TEXT")];

    public override Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(int max, CancellationToken cancellationToken) =>
        ReadAsync((connection, token) => ReadPendingAsync(connection.Statement(
            $"SELECT collection, document_id, event_id, type, payload, seq FROM outbox WHERE {Pending} ORDER BY seq LIMIT $max;"), max, token), cancellationToken);

    public override Task<IReadOnlyList<PendingEvent>> ClaimAsync(string claimant, int max, TimeSpan hold, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return WriteAsync((connection, token) =>
        {
            // Free, already ours, or expired; and no earlier event of the same document held by another.
            var command = connection.Statement($"""
                UPDATE outbox SET claimed_by = $me, claim_expires = $until
                WHERE seq IN (
                    SELECT o.seq FROM outbox o
                    WHERE o.{Pending} AND (o.claimed_by IS NULL OR o.claimed_by = $me OR o.claim_expires <= $now)
                      AND NOT EXISTS (
                          SELECT 1 FROM outbox e
                          WHERE e.collection = o.collection AND e.document_id = o.document_id AND e.seq < o.seq
                            AND e.{Pending} AND e.claimed_by <> $me AND e.claim_expires > $now)
                    ORDER BY o.seq LIMIT $max)
                RETURNING collection, document_id, event_id, type, payload, seq;
                """);
            command.Parameters.AddWithValue("$me", claimant);
            command.Parameters.AddWithValue("$until", now + (long)hold.TotalMilliseconds);
            command.Parameters.AddWithValue("$now", now);
            return ReadPendingAsync(command, max, token);
        }, cancellationToken);
    }

    public override Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, token) =>
        {
            foreach (var pending in published)
            {
                var command = connection.Statement("DELETE FROM outbox WHERE event_id = $event;");
                command.Parameters.AddWithValue("$event", pending.Message.EventId.ToString());
                await command.ExecuteNonQueryAsync(token);
            }

            return true;
        }, cancellationToken);

    public override Task ParkAsync(PendingEvent entry, string reason, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, token) =>
        {
            var command = connection.Statement("""
                UPDATE outbox SET parked_at = $now, parked_reason = $reason, claimed_by = NULL, claim_expires = NULL WHERE event_id = $event;
                """);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$event", entry.Message.EventId.ToString());
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    public override Task<IReadOnlyList<ParkedEvent>> ParkedEventsAsync(int max, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ParkedEvent>>(async (connection, token) =>
        {
            var command = connection.Statement("""
                SELECT collection, document_id, event_id, type, parked_reason, parked_at FROM outbox
                WHERE parked_at IS NOT NULL ORDER BY seq LIMIT $max;
                """);
            command.Parameters.AddWithValue("$max", max);
            await using var reader = await command.ExecuteReaderAsync(token);
            var parked = new List<ParkedEvent>();
            while (await reader.ReadAsync(token))
            {
                parked.Add(new ParkedEvent(reader.GetString(0), reader.GetString(1), Guid.Parse(reader.GetString(2)), reader.GetString(3),
                    reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }

            return parked;
        }, cancellationToken);

    public override Task<int> ReplayParkedAsync(CancellationToken cancellationToken) =>
        WriteAsync((connection, token) => connection
            .Statement("UPDATE outbox SET parked_at = NULL, parked_reason = NULL WHERE parked_at IS NOT NULL;")
            .ExecuteNonQueryAsync(token), cancellationToken);

    public override Task<DateTimeOffset?> OldestPendingAsync(CancellationToken cancellationToken) =>
        ReadAsync(async (connection, token) =>
            await connection.Statement($"SELECT created_at FROM outbox WHERE {Pending} ORDER BY seq LIMIT 1;").ExecuteScalarAsync(token) is long at
                ? DateTimeOffset.FromUnixTimeMilliseconds(at)
                : (DateTimeOffset?)null, cancellationToken);

    private static async Task UpgradeOutboxAsync(PreparedConnection connection, CancellationToken cancellationToken)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using (var info = connection.OneOff())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('outbox');";
            await using var reader = await info.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
            }
        }

        foreach (var (column, type) in Added.Where(a => !columns.Contains(a.Column)))
        {
            try
            {
                await ExecuteAsync(connection, $"ALTER TABLE outbox ADD COLUMN {column} {type};", cancellationToken);
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // Another copy starting at the same time added it first.
            }
        }

        // Entries an earlier version left behind count as written now; the claim looks up a document's earlier entries.
        await ExecuteAsync(connection, $"UPDATE outbox SET created_at = {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} WHERE created_at IS NULL;", cancellationToken);
        await ExecuteAsync(connection, "CREATE INDEX IF NOT EXISTS ix_outbox_document ON outbox (collection, document_id, seq);", cancellationToken);
    }

    /// <summary>Rows of collection, document_id, event_id, type, payload and seq, in seq order.</summary>
    private static async Task<IReadOnlyList<PendingEvent>> ReadPendingAsync(SqliteCommand command, int max, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<(long Seq, PendingEvent Event)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new OutboxMessage(Guid.Parse(reader.GetString(2)), reader.GetString(3), reader.GetString(4));
            pending.Add((reader.GetInt64(5), new PendingEvent(reader.GetString(0), reader.GetString(1), message)));
        }

        // RETURNING gives rows in no promised order.
        return [.. pending.OrderBy(p => p.Seq).Select(p => p.Event)];
    }
}
