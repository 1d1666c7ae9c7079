using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cybercrime.Platform.Outbox;

/// <summary>The <c>Cybercrime.Outbox</c> meter: the age of each store's oldest waiting event, in seconds.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Cybercrime.Outbox";
    private readonly ConcurrentDictionary<string, OutboxMonitor> _monitors = new(StringComparer.Ordinal);

    public OutboxMetrics(IMeterFactory meters) =>
        meters.Create(MeterName).CreateObservableGauge(
            "outbox.oldest_pending.age",
            () => _monitors.Values.Select(m => new Measurement<double>(m.OldestPendingAge.TotalSeconds, new KeyValuePair<string, object?>("store", m.Store))),
            unit: "s",
            description: "How long the oldest event not yet published has waited in the store's outbox.");

    internal void Watch(OutboxMonitor monitor) => _monitors[monitor.Store] = monitor;
}
