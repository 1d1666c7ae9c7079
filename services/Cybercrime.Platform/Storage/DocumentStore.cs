using Cybercrime.Platform.Outbox;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Cybercrime.Platform.Storage;

/// <summary>
/// One service's own store, with one adapter per database (SQLite, MongoDB). Every call goes
/// through a resilience pipeline: a retry with jittered backoff on the adapter's transient
/// errors, a circuit breaker so a dead database fails fast, and a timeout per attempt.
/// </summary>
public abstract class DocumentStore
{
    private readonly Dictionary<Type, CollectionDefinition> _definitions;

    protected DocumentStore(string name, IEnumerable<CollectionDefinition> definitions)
    {
        Name = name;
        _definitions = definitions.ToDictionary(d => d.DocumentType);
        Resilience = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransientOrTimeout),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransientOrTimeout),
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(TimeSpan.FromSeconds(15))
            .Build();
    }

    public string Name { get; }

    /// <summary>Signalled whenever a write adds events to the outbox.</summary>
    public OutboxSignal OutboxSignal { get; } = new();

    public IReadOnlyCollection<CollectionDefinition> Definitions => _definitions.Values;

    protected ResiliencePipeline Resilience { get; }

    public IDocumentCollection<T> Collection<T>() where T : class, IDocument => CreateCollection<T>(DefinitionOf(typeof(T)));

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

    /// <summary>The oldest events not yet acknowledged as published, at most <paramref name="max"/>.</summary>
    public abstract Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Removes published events from the outbox.</summary>
    public abstract Task AcknowledgeAsync(IReadOnlyCollection<PendingEvent> published, CancellationToken cancellationToken);

    /// <summary>The adapter's atomic write of <paramref name="changes"/>.</summary>
    protected abstract Task WriteAsync(Changes changes, CancellationToken cancellationToken);

    /// <summary>The declared collection that holds documents of <paramref name="documentType"/>.</summary>
    protected CollectionDefinition DefinitionOf(Type documentType) =>
        _definitions.TryGetValue(documentType, out var definition)
            ? definition
            : throw new InvalidOperationException($"{documentType.Name} has no collection in the '{Name}' store.");

    protected abstract IDocumentCollection<T> CreateCollection<T>(CollectionDefinition definition) where T : class, IDocument;

    /// <summary>Errors worth retrying: the database was busy, unreachable or slow, not wrong.</summary>
    protected abstract bool IsTransient(Exception exception);

    private bool IsTransientOrTimeout(Exception exception) =>
        exception is TimeoutRejectedException || IsTransient(exception);
}
