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
/// </summary>
public sealed partial class OutboxDispatcher(DocumentStore store, IBus bus, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

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

    /// <summary>Publishes one batch and acknowledges what the broker confirmed; returns how many.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingEventsAsync(BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(pending.Select(p => PublishAsync(p.Message, cancellationToken)));
        await store.AcknowledgeAsync(pending, cancellationToken);
        return pending.Count;
    }

    private Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var (payload, type) = message.Deserialize();
        return bus.Publish(payload, type, context => context.MessageId = message.EventId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the {Store} outbox failed; retrying in {DelayMs} ms")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string store, double delayMs);
}
