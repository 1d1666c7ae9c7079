using System.Globalization;
using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// A query rendered to SQL over one collection's table, its values to be bound as $q0, $q1, ….
/// Fields are the same <c>json_extract</c> expressions the indexes are built on, so SQLite uses them;
/// a list of values is bound as one JSON array, so the text (and its prepared statement) does not
/// change with its length and no list is too long to bind.
/// </summary>
internal sealed class SqliteQuery
{
    private readonly List<object?> _values = [];

    private SqliteQuery(string table) => Table = table;

    public string Table { get; }

    public IReadOnlyList<object?> Values => _values;

    public static (string Sql, IReadOnlyList<object?> Values) Select(string table, Query query)
    {
        var q = new SqliteQuery(table);
        var order = query.OrderBy.Count == 0 ? "" : " ORDER BY " + string.Join(", ", query.OrderBy.Select(s => Column(s.Field) + (s.Descending ? " DESC" : "")));
        var sql = $"SELECT body FROM {table} WHERE {q.Render(query.Where)}{order} LIMIT {q.Bind(query.Take)} OFFSET {q.Bind(query.Skip)};";
        return (sql, q.Values);
    }

    public static (string Sql, IReadOnlyList<object?> Values) Count(string table, Filter filter) =>
        Aggregate(table, filter, "count(*)");

    public static (string Sql, IReadOnlyList<object?> Values) Sum(string table, Filter filter, string field) =>
        Aggregate(table, filter, $"coalesce(sum({Column(field)}), 0)");

    public static (string Sql, IReadOnlyList<object?> Values) CountDistinct(string table, Filter filter, string field) =>
        Aggregate(table, filter, $"count(DISTINCT {Column(field)})");

    public static (string Sql, IReadOnlyList<object?> Values) GroupSum(string table, Filter filter, IReadOnlyList<string> by, string field)
    {
        var q = new SqliteQuery(table);
        var keys = string.Join(", ", by.Select((f, i) => $"{Column(f)} AS k{i}"));
        var groupBy = string.Join(", ", by.Select((_, i) => $"k{i}"));
        var where = q.Render(filter);
        return ($"SELECT {keys}, coalesce(sum({Column(field)}), 0) FROM {table} WHERE {where} GROUP BY {groupBy};", q.Values);
    }

    public static (string Sql, IReadOnlyList<object?> Values) Group(string table, Filter filter, IReadOnlyList<string> by, long minCount)
    {
        var q = new SqliteQuery(table);
        var keys = string.Join(", ", by.Select((field, i) => $"{Column(field)} AS k{i}"));
        var groupBy = string.Join(", ", by.Select((_, i) => $"k{i}"));
        var where = q.Render(filter);
        var sql = $"SELECT {keys}, count(*) FROM {table} WHERE {where} GROUP BY {groupBy} HAVING count(*) >= {q.Bind(minCount)};";
        return (sql, q.Values);
    }

    /// <summary>A value as SQLite returned it, read back as the member's type (enums from their JSON names, Guids, dates).</summary>
    public static object? Read(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            DBNull => null,
            long flag when target == typeof(bool) => flag != 0,
            _ => JsonSerializer.SerializeToElement(value, ContractJson.Options).Deserialize(type, ContractJson.Options),
        };
    }

    private static (string Sql, IReadOnlyList<object?> Values) Aggregate(string table, Filter filter, string expression)
    {
        var q = new SqliteQuery(table);
        var where = q.Render(filter);
        return ($"SELECT {expression} FROM {table} WHERE {where};", q.Values);
    }

    private string Render(Filter filter) => filter switch
    {
        AndFilter { Filters.Count: 0 } => "1",
        AndFilter and => string.Join(" AND ", and.Filters.Select(f => $"({Render(f)})")),
        AnyOfFilter { Values: [null] } one => $"{Column(one.Field)} IS NULL",
        AnyOfFilter { Values: [var value] } one => $"{Column(one.Field)} = {Bind(SqliteSql.JsonScalar(value))}",
        AnyOfFilter many => $"{Column(many.Field)} IN (SELECT value FROM json_each({Bind(JsonSerializer.Serialize(many.Values.Select(v => SqliteSql.JsonScalar(v))))}))",
        RangeFilter range => string.Join(" AND ", Bounds(range).DefaultIfEmpty("1")),
        ContainsFilter contains => $"EXISTS (SELECT 1 FROM json_each(body, '{SqliteSql.Path(contains.Field)}') WHERE value = {Bind(SqliteSql.JsonScalar(contains.Value))})",
        _ => throw new NotSupportedException($"No SQL for {filter.GetType().Name}."),
    };

    private IEnumerable<string> Bounds(RangeFilter range)
    {
        if (range.From is not null)
        {
            yield return $"{Column(range.Field)} >= {Bind(SqliteSql.JsonScalar(range.From))}";
        }

        if (range.To is not null)
        {
            yield return $"{Column(range.Field)} <= {Bind(SqliteSql.JsonScalar(range.To))}";
        }
    }

    private string Bind(object? value)
    {
        _values.Add(value);
        return "$q" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    private static string Column(string field) => field == CollectionDefinition.IdField ? "id" : SqliteSql.Field(field);
}
