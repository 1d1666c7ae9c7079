namespace Cybercrime.Platform.Storage;

/// <summary>
/// A collection declared in code: its document type, name and indexes. Each index is a field path
/// (camelCase), or several joined by commas for a compound index that serves a filter and a sort
/// together (<c>"office,details.startDate"</c>).
/// </summary>
public sealed record CollectionDefinition(Type DocumentType, string Name, IReadOnlyList<string> IndexedFields)
{
    /// <summary>The document's key, which every adapter indexes as its primary key.</summary>
    public const string IdField = "id";

    /// <summary>Each declared index as its fields, in order.</summary>
    public IEnumerable<IReadOnlyList<string>> Indexes => IndexedFields.Select(index => (IReadOnlyList<string>)index.Split(','));

    /// <summary>A date field after which a document is deleted (a TTL index on MongoDB, a sweep on SQLite), if any.</summary>
    public string? ExpiryField { get; init; }

    public void EnsureIndexed(string field)
    {
        if (field != IdField && !Indexes.Any(index => index.Contains(field, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"'{field}' is not an indexed field of '{Name}'; declare it where the collection is registered.");
        }
    }
}
