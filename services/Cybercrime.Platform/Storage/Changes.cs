using Cybercrime.Contracts;

namespace Cybercrime.Platform.Storage;

/// <summary>
/// Document writes and the events they raise, committed all or nothing by
/// <see cref="DocumentStore.CommitAsync"/>: one aggregate's invariant may span several documents
/// (a session and its registrations), and the events go into the outbox in the same commit.
/// </summary>
public sealed class Changes
{
    private readonly List<DocumentWrite> _writes = [];

    public IReadOnlyList<DocumentWrite> Writes => _writes;

    public bool IsEmpty => _writes.Count == 0;

    /// <summary>Writes <paramref name="document"/> if the stored version is still <paramref name="expectedVersion"/> (0: new).</summary>
    public Changes Save<T>(T document, long expectedVersion, params IEnumerable<IIntegrationEvent> events) where T : class, IDocument
    {
        _writes.Add(new DocumentWrite(typeof(T), document, expectedVersion, [.. events]));
        return this;
    }
}

public sealed record DocumentWrite(Type DocumentType, IDocument Document, long ExpectedVersion, IReadOnlyList<IIntegrationEvent> Events);
