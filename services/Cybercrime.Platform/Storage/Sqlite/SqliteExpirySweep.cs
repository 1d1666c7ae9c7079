using Cybercrime.Platform.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// SQLite has no TTL index: this deletes the documents whose expiry date has passed (idempotency
/// records), at start-up and then every tenth of the retention period. Reads ignore an expired
/// record anyway, so the sweep only keeps the file from growing.
/// </summary>
internal sealed class SqliteExpirySweep(DocumentStore store, IdempotencySettings settings, TimeProvider clock, ILogger<SqliteExpirySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not SqliteDocumentStore sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Retention / 10, clock);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(sqlite, clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired documents from the {Store} store", deleted, store.Name);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete expired documents from the {Store} store; trying again later", store.Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every document whose expiry is past (or missing, from before expiry existed).</summary>
    public static Task<int> DeleteExpiredAsync(SqliteDocumentStore store, DateTime now, CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, token) =>
        {
            var deleted = 0;
            foreach (var definition in store.Definitions.Where(d => d.ExpiryField is not null))
            {
                // julianday() compares the instants, whatever the number of fractional digits in the text.
                var field = SqliteSql.Field(definition.ExpiryField!);
                var command = connection.Statement($"""DELETE FROM "{definition.Name}" WHERE {field} IS NULL OR julianday({field}) <= julianday($now);""");
                command.Parameters.AddWithValue("$now", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                deleted += await command.ExecuteNonQueryAsync(token);
            }

            return deleted;
        }, cancellationToken);
}
