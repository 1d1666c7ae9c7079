using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage.Blobs;

namespace Cybercrime.Platform.Storage;

/// <summary>One service's own store, with one adapter per database (SQLite, MongoDB).</summary>
public abstract class DocumentStore
{
    private readonly Dictionary<Type, CollectionDefinition> _definitions;

    protected DocumentStore(string name, IEnumerable<CollectionDefinition> definitions)
    {
        Name = name;
        _definitions = definitions.ToDictionary(d => d.DocumentType);
    }

    public string Name { get; }

    /// <summary>Signalled whenever a write adds events to the outbox.</summary>
    public OutboxSignal OutboxSignal { get; } = new();

    public IReadOnlyCollection<CollectionDefinition> Definitions => _definitions.Values;

    public IDocumentCollection<T> Collection<T>() where T : class, IDocument => CreateCollection<T>(DefinitionOf(typeof(T)));

    /// <summary>The store's files (a table of blobs on SQLite, GridFS on MongoDB).</summary>
    public abstract BlobStore Blobs { get; }

    /// <summary>
    /// Commits every write and its events atomically. Throws <see cref="ConcurrencyConflictException"/>,
    /// having written nothing, when any document is no longer at its expected version.
    /// </summary>
    public async Task CommitAsync(Changes changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        await WriteAsync(changes, cancellationToken);
        if (changes.Writes.Any(w => w.Events.Count > 0))
        {
            OutboxSignal.Notify();
        }
    }

    /// <summary>Creates tables or collections and their indexes; safe to run at every start.</summary>
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Cheap round trip for readiness checks; throws when the database cannot be reached.</summary>
    public abstract Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The oldest events not yet acknowledged as published nor parked, at most <paramref name="max"/>, claimed or not.</summary>
    public abstract Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims, in one atomic operation, up to about <paramref name="max"/> pending events for <paramref name="claimant"/>
    /// until <paramref name="hold"/> has passed: those nobody holds, those it holds already, and those whose hold expired
    /// (a copy that died). A document's events come in the order written, and none while another claimant holds an earlier one.
    /// </summary>
    public abstract Task<IReadOnlyList<PendingEvent>> ClaimAsync(string claimant, int max, TimeSpan hold, CancellationToken cancellationToken);

    /// <summary>Removes published events from the outbox, and their claim.</summary>
    public abstract Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken);

    /// <summary>Sets an event that cannot be published aside, with <paramref name="reason"/>: no claim returns it until replayed.</summary>
    public abstract Task ParkAsync(PendingEvent entry, string reason, CancellationToken cancellationToken);

    /// <summary>The parked events, oldest first, at most <paramref name="max"/>.</summary>
    public abstract Task<IReadOnlyList<ParkedEvent>> ParkedEventsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Puts every parked event back in the outbox (once its cause is fixed); returns how many.</summary>
    public abstract Task<int> ReplayParkedAsync(CancellationToken cancellationToken);

    /// <summary>When the oldest event still waiting to be published (parked ones aside) was written; null when none waits.</summary>
    public abstract Task<DateTimeOffset?> OldestPendingAsync(CancellationToken cancellationToken);

    /// <summary>The adapter's atomic write of <paramref name="changes"/>.</summary>
    protected abstract Task WriteAsync(Changes changes, CancellationToken cancellationToken);

    /// <summary>The declared collection that holds documents of <paramref name="documentType"/>.</summary>
    protected CollectionDefinition DefinitionOf(Type documentType) =>
        _definitions.TryGetValue(documentType, out var definition)
            ? definition
            : throw new InvalidOperationException($"{documentType.Name} has no collection in the '{Name}' store.");

    protected abstract IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) where T : class, IDocument;
}
