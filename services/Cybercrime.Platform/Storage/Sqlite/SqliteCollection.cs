using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Platform.Storage.Queries;
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

    public Task<IReadOnlyList<T>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(query.Where, query.OrderBy);
        var (sql, values) = SqliteQuery.Select(_table, query);
        return store.ReadAsync<IReadOnlyList<T>>(async (connection, token) =>
        {
            await using var reader = await Prepare(connection, sql, values).ExecuteReaderAsync(token);
            var found = new List<T>();
            while (await reader.ReadAsync(token))
            {
                found.Add(Deserialize(reader.GetString(0)));
            }

            return found;
        }, cancellationToken);
    }

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default) =>
        ScalarAsync(filter, SqliteQuery.Count(_table, filter), cancellationToken);

    public Task<long> SumAsync(Filter filter, string field, CancellationToken cancellationToken = default) =>
        ScalarAsync(filter, SqliteQuery.Sum(_table, filter, field), cancellationToken);

    public Task<long> CountDistinctAsync(Filter filter, string field, CancellationToken cancellationToken = default) =>
        ScalarAsync(filter, SqliteQuery.CountDistinct(_table, filter, field), cancellationToken);

    public Task<IReadOnlyList<Group>> GroupAsync(Filter filter, IReadOnlyList<string> by, long minCount = 1, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(filter);
        return GroupsAsync(SqliteQuery.Group(_table, filter, by, minCount), by, (key, count) => new Group(key, count), cancellationToken);
    }

    public Task<IReadOnlyList<GroupSum>> GroupSumAsync(Filter filter, IReadOnlyList<string> by, string sumField, CancellationToken cancellationToken = default)
    {
        definition.EnsureIndexed(filter);
        return GroupsAsync(SqliteQuery.GroupSum(_table, filter, by, sumField), by, (key, sum) => new GroupSum(key, sum), cancellationToken);
    }

    /// <summary>Rows of the grouped keys, read back as the members' types, followed by one whole number.</summary>
    private Task<IReadOnlyList<TGroup>> GroupsAsync<TGroup>(
        (string Sql, IReadOnlyList<object?> Values) query, IReadOnlyList<string> by, Func<object?[], long, TGroup> group, CancellationToken cancellationToken)
    {
        var types = by.Select(field => DocumentFields.TypeOf(typeof(T), field)).ToList();
        return store.ReadAsync<IReadOnlyList<TGroup>>(async (connection, token) =>
        {
            await using var reader = await Prepare(connection, query.Sql, query.Values).ExecuteReaderAsync(token);
            var groups = new List<TGroup>();
            while (await reader.ReadAsync(token))
            {
                var key = new object?[types.Count];
                for (var i = 0; i < key.Length; i++)
                {
                    key[i] = SqliteQuery.Read(reader.GetValue(i), types[i]);
                }

                groups.Add(group(key, reader.GetInt64(types.Count)));
            }

            return groups;
        }, cancellationToken);
    }

    private Task<long> ScalarAsync(Filter filter, (string Sql, IReadOnlyList<object?> Values) query, CancellationToken cancellationToken)
    {
        definition.EnsureIndexed(filter);
        return store.ReadAsync(async (connection, token) =>
            Convert.ToInt64(await Prepare(connection, query.Sql, query.Values).ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
    }

    /// <summary>A query's text is fixed by its shape, not its values, so it is prepared once per connection like the adapter's own statements.</summary>
    private static SqliteCommand Prepare(PreparedConnection connection, string sql, IReadOnlyList<object?> values)
    {
        var command = connection.Statement(sql);
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue($"$q{i}", values[i] ?? DBNull.Value);
        }

        return command;
    }

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

    public Task<long> DeleteAllAsync(CancellationToken cancellationToken = default) =>
        store.WriteAsync(async (connection, token) => (long)await connection.Statement($"DELETE FROM {_table};").ExecuteNonQueryAsync(token), cancellationToken);

    private static void Bind(SqliteCommand command, T document) => SqliteSql.Bind(command, document, typeof(T));

    private static T Deserialize(string body) => JsonSerializer.Deserialize<T>(body, ContractJson.Options)!;
}
