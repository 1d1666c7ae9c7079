using System.Diagnostics.Metrics;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Platform.Tests.Storage;
using Cybercrime.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>A stalled outbox shows: the oldest waiting event's age as a metric, and readiness failing past the limit.</summary>
public sealed class OutboxMonitorTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-monitor-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<OutboxMetrics>().BuildServiceProvider();

    [Fact]
    public async Task Readiness_fails_while_an_event_waits_longer_than_the_limit_and_recovers_once_it_is_published()
    {
        await using var store = new SqliteDocumentStore("monitored", Path.Combine(_folder, "monitored.db"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var monitor = new OutboxMonitor(
            store, OutboxSettings.Default with { MaxPendingAge = TimeSpan.Zero }, _services.GetRequiredService<OutboxMetrics>(), TimeProvider.System);
        Assert.Equal(HealthStatus.Healthy, (await monitor.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);

        await store.Collection<Widget>().SaveAsync(Widget.Make("a"), 0, [Registered()], TestContext.Current.CancellationToken);

        var stalled = await monitor.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, stalled.Status);
        Assert.Contains("monitored outbox", stalled.Description, StringComparison.Ordinal);
        Assert.True(Observe().TryGetValue("monitored", out var age) && age >= 0);

        await store.AcknowledgeAsync(await store.PendingEventsAsync(10, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, (await monitor.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_monitor_quietly_not_as_a_failed_service()
    {
        await using var store = new SqliteDocumentStore("stopping", Path.Combine(_folder, "stopping.db"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await store.Collection<Widget>().SaveAsync(Widget.Make("a"), 0, [Registered()], TestContext.Current.CancellationToken);
        var monitor = new OutboxMonitor(store, OutboxSettings.Default, _services.GetRequiredService<OutboxMetrics>(), TimeProvider.System);
        await monitor.StartAsync(TestContext.Current.CancellationToken);
        // Running: its first look has found the waiting event.
        await Eventually.Until(() => Task.FromResult(monitor.OldestPendingAge), age => age > TimeSpan.Zero, TimeSpan.FromSeconds(10), "the monitor's first look");

        await monitor.StopAsync(TestContext.Current.CancellationToken);

        // A cancelled or faulted task is what the host logs as "BackgroundService failed".
        Assert.True(monitor.ExecuteTask!.IsCompletedSuccessfully, $"{monitor.ExecuteTask.Status}");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The gauge's measurements by store, as an exporter collects them.</summary>
    private Dictionary<string, double> Observe()
    {
        var measured = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && instrument.Name == "outbox.oldest_pending.age")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => measured[(string)tags[0].Value!] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }

    private static ParticipantRegistered Registered() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Registered));
}
