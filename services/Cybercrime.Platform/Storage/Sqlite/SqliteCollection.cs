using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Platform.Outbox;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

internal sealed class SqliteCollection<T>(SqliteDocumentStore store, CollectionDefinition definition) : IDocumentCollection<T>
    where T : class, IDocument
{
    private const int SqliteConstraint = 19;
    private readonly string _table = $"\"{definition.Name}\"";

    public Task<T?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        store.RunAsync(async token =>
        {
            await using var connection = await store.OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT body FROM {_table} WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteScalarAsync(token) is string body ? Deserialize(body) : null;
        }, cancellationToken).AsTask();

    public Task<IReadOnlyList<T>> WhereAsync<TValue>(string field, IReadOnlyCollection<TValue> anyOf, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(field);
        return store.RunAsync<IReadOnlyList<T>>(async token =>
        {
            var found = new List<T>();
            await using var connection = await store.OpenAsync(token);
            foreach (var chunk in anyOf.Chunk(SqliteSql.MaxParameters))
            {
                await using var command = connection.CreateCommand();
                var values = SqliteSql.Parameters(command, chunk.Select(value => SqliteSql.JsonScalar(value)));
                command.CommandText = $"SELECT body FROM {_table} WHERE {SqliteSql.Field(field)} IN ({values});";
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    found.Add(Deserialize(reader.GetString(0)));
                }
            }

            return found;
        }, cancellationToken).AsTask();
    }

    public async Task SaveAsync(T document, long expectedVersion, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken = default)
    {
        await store.RunAsync(async token =>
        {
            await using var connection = await store.OpenAsync(token);
            await using var transaction = connection.BeginTransaction();
            if (!await WriteDocumentAsync(connection, transaction, document, expectedVersion, token))
            {
                throw new ConcurrencyConflictException(definition.Name, document.Id, expectedVersion);
            }

            foreach (var @event in events)
            {
                await WriteOutboxAsync(connection, transaction, document.Id, OutboxMessage.From(@event), token);
            }

            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);

        if (events.Count > 0)
        {
            store.OutboxSignal.Notify();
        }
    }

    public Task<bool> UpsertIfNewerAsync(T document, CancellationToken cancellationToken = default) =>
        store.RunAsync(async token =>
        {
            await using var connection = await store.OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO {_table} (id, version, body) VALUES ($id, $version, $body)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body
                WHERE excluded.version > {_table}.version;
                """;
            Bind(command, document);
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, cancellationToken).AsTask();

    private async Task<bool> WriteDocumentAsync(
        SqliteConnection connection, SqliteTransaction transaction, T document, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = expectedVersion == 0
            ? $"INSERT INTO {_table} (id, version, body) VALUES ($id, $version, $body);"
            : $"UPDATE {_table} SET version = $version, body = $body WHERE id = $id AND version = $expected;";
        Bind(command, document);
        command.Parameters.AddWithValue("$expected", expectedVersion);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    private async Task WriteOutboxAsync(
        SqliteConnection connection, SqliteTransaction transaction, string documentId, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (collection, document_id, event_id, type, payload)
            VALUES ($collection, $document, $event, $type, $payload);
            """;
        command.Parameters.AddWithValue("$collection", definition.Name);
        command.Parameters.AddWithValue("$document", documentId);
        command.Parameters.AddWithValue("$event", message.EventId.ToString());
        command.Parameters.AddWithValue("$type", message.Type);
        command.Parameters.AddWithValue("$payload", message.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteCommand command, T document)
    {
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$version", document.Version);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, ContractJson.Options));
    }

    private static T Deserialize(string body) => JsonSerializer.Deserialize<T>(body, ContractJson.Options)!;
}
