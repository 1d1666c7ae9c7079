namespace Cybercrime.Platform.Storage;

/// <summary>A collection declared in code: its document type, name and indexed fields (camelCase).</summary>
public sealed record CollectionDefinition(Type DocumentType, string Name, IReadOnlyList<string> IndexedFields)
{
    /// <summary>A date field after which a document is deleted (a TTL index on MongoDB, a sweep on SQLite), if any.</summary>
    public string? ExpiryField { get; init; }

    public void EnsureIndexed(string field)
    {
        if (!IndexedFields.Contains(field, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"'{field}' is not an indexed field of '{Name}'; declare it where the collection is registered.");
        }
    }
}
