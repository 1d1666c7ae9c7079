using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Cybercrime.Platform.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cybercrime.Platform.Outbox;

/// <summary>
/// Publishes a store's pending events, then removes them from its outbox. Publishing waits for the
/// broker's confirm, so an event is acknowledged only once the broker holds it; a crash in between
/// re-publishes the same EventId, which consumers absorb. Woken by every write that adds events,
/// and polls as a fallback for events an earlier process left behind.
/// Each copy of a service claims its batch, so that copies do not publish the same events; a
/// document's events go out one after another, in the order written; an event that cannot be read
/// is parked, not retried forever in front of the others; and a batch whose confirms do not come
/// within <see cref="OutboxSettings.PublishTimeout"/> is published again rather than awaited forever.
/// </summary>
public sealed partial class OutboxDispatcher(DocumentStore store, IBus bus, OutboxSettings settings, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>This copy of the service, as its claims name it.</summary>
    private readonly string _claimant = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (published < BatchSize)
                {
                    await store.OutboxSignal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                LogDispatchFailed(logger, e, store.Name, backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Claims one batch, publishes it and acknowledges what the broker confirmed; returns how many it
    /// claimed. On the deadline, what was confirmed is acknowledged and the rest, still claimed by this
    /// copy, is taken again by the next batch.
    /// </summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(_claimant, BatchSize, settings.ClaimDuration, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var published = new ConcurrentQueue<PendingEvent>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.PublishTimeout);
        Exception? failure = null;
        try
        {
            // The deadline is enforced here too: a publish waiting for a lost confirm may not heed its token.
            await Task.WhenAll(claimed.GroupBy(p => (p.Collection, p.DocumentId)).Select(document => PublishInOrderAsync(document, published, deadline.Token)))
                .WaitAsync(settings.PublishTimeout, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
        }

        if (!published.IsEmpty)
        {
            await store.AcknowledgeAsync([.. published], cancellationToken);
        }

        if (failure is TimeoutException || (failure is OperationCanceledException && deadline.IsCancellationRequested))
        {
            LogPublishTimedOut(logger, store.Name, claimed.Count - published.Count, settings.PublishTimeout.TotalSeconds);
        }
        else if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return claimed.Count;
    }

    /// <summary>One document's events in the order written: a later one waits until the broker has confirmed the earlier.</summary>
    private async Task PublishInOrderAsync(IEnumerable<PendingEvent> document, ConcurrentQueue<PendingEvent> published, CancellationToken cancellationToken)
    {
        foreach (var pending in document)
        {
            object message;
            Type type;
            try
            {
                (message, type) = pending.Message.Deserialize();
                _ = message ?? throw new JsonException("The payload reads as null.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Poison: it will not read any better next time. Set aside, it blocks nothing behind it.
                LogParked(logger, e, store.Name, pending.Message.EventId, pending.Message.Type);
                await store.ParkAsync(pending, $"{e.GetType().Name}: {e.Message}", cancellationToken);
                continue;
            }

            await bus.Publish(message, type, context => context.MessageId = pending.Message.EventId, cancellationToken);
            published.Enqueue(pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the {Store} outbox failed; retrying in {DelayMs} ms")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string store, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The broker confirmed not all of a {Store} outbox batch within {TimeoutSeconds} s; publishing the {Unconfirmed} unconfirmed events again")]
    private static partial void LogPublishTimedOut(ILogger logger, string store, int unconfirmed, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Event {EventId} ({Type}) of the {Store} outbox cannot be read and was parked; list it at /operations/outbox/{Store}/parked")]
    private static partial void LogParked(ILogger logger, Exception exception, string store, Guid eventId, string type);
}
