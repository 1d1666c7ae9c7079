namespace Cybercrime.Platform.Storage;

/// <summary>A collection declared in code: its document type, name and indexed fields (camelCase).</summary>
public sealed record CollectionDefinition(Type DocumentType, string Name, IReadOnlyList<string> IndexedFields)
{
    /// <summary>The document's key, which every adapter indexes as its primary key.</summary>
    public const string IdField = "id";

    public void EnsureIndexed(string field)
    {
        if (field != IdField && !IndexedFields.Contains(field, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"'{field}' is not an indexed field of '{Name}'; declare it where the collection is registered.");
        }
    }
}
