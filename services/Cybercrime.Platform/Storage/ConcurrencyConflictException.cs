namespace Cybercrime.Platform.Storage;

/// <summary>The document changed (or already existed) since it was read; nothing was written.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long expectedVersion)
    : Exception($"Document '{id}' in '{collection}' is no longer at version {expectedVersion}.")
{
    public string Collection { get; } = collection;

    public string DocumentId { get; } = id;
}
