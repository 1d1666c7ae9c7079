using Cybercrime.Platform.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Outbox;

/// <summary>
/// How long a store's oldest waiting event has waited, looked up apart from the dispatcher so that a
/// stalled dispatcher shows: as a metric (<see cref="OutboxMetrics"/>), and as readiness that fails
/// past <see cref="OutboxSettings.MaxPendingAge"/>. Parked events do not count; they have their own listing.
/// </summary>
public sealed class OutboxMonitor : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private readonly DocumentStore _store;
    private readonly OutboxSettings _settings;
    private readonly TimeProvider _time;
    private DateTimeOffset? _oldest;

    public OutboxMonitor(DocumentStore store, OutboxSettings settings, OutboxMetrics metrics, TimeProvider time)
    {
        _store = store;
        _settings = settings;
        _time = time;
        metrics.Watch(this);
    }

    public string Store => _store.Name;

    /// <summary>The oldest waiting event's age when last looked up; zero when none waits.</summary>
    public TimeSpan OldestPendingAge => _oldest is { } oldest ? _time.GetUtcNow() - oldest : TimeSpan.Zero;

    public async Task RefreshAsync(CancellationToken cancellationToken) => _oldest = await _store.OldestPendingAsync(cancellationToken);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken);
        var age = OldestPendingAge;
        return age > _settings.MaxPendingAge
            ? HealthCheckResult.Unhealthy(
                $"The oldest event of the {Store} outbox has waited {age.TotalSeconds:0} s to be published (limit {_settings.MaxPendingAge.TotalSeconds:0} s).")
            : HealthCheckResult.Healthy();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, _time);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
                {
                    // The store's own readiness check reports it unreachable; the last age stands meanwhile.
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing more to watch.
        }
    }
}
