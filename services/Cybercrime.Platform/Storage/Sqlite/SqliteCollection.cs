using System.Text.Json;
using Cybercrime.Contracts;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

internal sealed class SqliteCollection<T>(SqliteDocumentStore store, CollectionDefinition definition) : IDocumentCollection<T>
    where T : class, IDocument
{
    private readonly string _table = $"\"{definition.Name}\"";

    public Task<T?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        store.ReadAsync(async (connection, token) =>
        {
            var command = connection.Statement($"SELECT body FROM {_table} WHERE id = $id;");
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteScalarAsync(token) is string body ? Deserialize(body) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<T>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        SelectWhereInAsync("id", ids.Cast<object?>(), cancellationToken);

    public Task<IReadOnlyList<T>> WhereAsync<TValue>(string field, IReadOnlyCollection<TValue> anyOf, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(field);
        return SelectWhereInAsync(SqliteSql.Field(field), anyOf.Select(value => SqliteSql.JsonScalar(value)), cancellationToken);
    }

    private Task<IReadOnlyList<T>> SelectWhereInAsync(string column, IEnumerable<object?> values, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<T>>(async (connection, token) =>
        {
            var found = new List<T>();
            foreach (var chunk in values.Chunk(SqliteSql.MaxParameters))
            {
                await using var command = connection.OneOff();
                command.CommandText = $"SELECT body FROM {_table} WHERE {column} IN ({SqliteSql.Parameters(command, chunk)});";
                await using var reader = await command.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token))
                {
                    found.Add(Deserialize(reader.GetString(0)));
                }
            }

            return found;
        }, cancellationToken);

    public Task SaveAsync(T document, long expectedVersion, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken = default) =>
        store.CommitAsync(new Changes().Save(document, expectedVersion, events), cancellationToken);

    public Task<bool> UpsertIfNewerAsync(T document, CancellationToken cancellationToken = default) =>
        store.WriteAsync(async (connection, token) =>
        {
            var command = connection.Statement($"""
                INSERT INTO {_table} (id, version, body) VALUES ($id, $version, $body)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body
                WHERE excluded.version > {_table}.version;
                """);
            Bind(command, document);
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, cancellationToken);

    private static void Bind(SqliteCommand command, T document) => SqliteSql.Bind(command, document, typeof(T));

    private static T Deserialize(string body) => JsonSerializer.Deserialize<T>(body, ContractJson.Options)!;
}
