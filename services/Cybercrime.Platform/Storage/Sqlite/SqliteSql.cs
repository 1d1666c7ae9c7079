using System.Text.Json;
using Cybercrime.Contracts;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>The SQL the SQLite adapter runs, kept in one place so that its shape is easy to review.</summary>
internal static class SqliteSql
{
    /// <summary>Well below SQLite's limit of bound parameters per statement.</summary>
    public const int MaxParameters = 500;

    public const string CreateOutbox = """
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            collection TEXT NOT NULL,
            document_id TEXT NOT NULL,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            payload TEXT NOT NULL);
        """;

    public static IEnumerable<string> CreateCollection(CollectionDefinition definition)
    {
        yield return $"""CREATE TABLE IF NOT EXISTS "{definition.Name}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);""";
        foreach (var index in definition.Indexes)
        {
            var columns = string.Join(", ", index.Select(field => field == CollectionDefinition.IdField ? "id" : Field(field)));
            yield return $"""CREATE INDEX IF NOT EXISTS "ix_{definition.Name}_{string.Join('_', index)}" ON "{definition.Name}" ({columns});""";
        }
    }

    /// <summary>The indexed expression for a field; queries must use the same text for SQLite to use the index.</summary>
    public static string Field(string field) => $"json_extract(body, '{Path(field)}')";

    /// <summary>The JSON path of a field, checked to hold nothing but letters, digits and dots.</summary>
    public static string Path(string field) =>
        field.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')
            ? $"$.{field}"
            : throw new ArgumentException($"'{field}' is not a valid field path.", nameof(field));

    /// <summary>Binds a document's id, version and JSON body as $id, $version and $body.</summary>
    public static void Bind(SqliteCommand command, IDocument document, Type documentType)
    {
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$version", document.Version);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, documentType, ContractJson.Options));
    }

    /// <summary>Binds the values as $p0, $p1, … and returns the list for an IN clause.</summary>
    public static string Parameters(SqliteCommand command, IEnumerable<object?> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"$p{names.Count}";
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    /// <summary>
    /// A value as json_extract returns it from a document serialized with the contract conventions:
    /// Guids, dates and enums become their JSON strings, numbers stay numbers, booleans become 0 or 1.
    /// </summary>
    public static object? JsonScalar<TValue>(TValue value)
    {
        var element = JsonSerializer.SerializeToElement(value, ContractJson.Options);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.Null => null,
            _ => throw new ArgumentException($"Only scalar values can be matched, not {element.ValueKind}."),
        };
    }
}
