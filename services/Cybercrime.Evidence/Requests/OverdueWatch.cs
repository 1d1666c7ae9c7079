using System.Globalization;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Evidence.Requests;

/// <summary>
/// Raises <c>EvidenceRequestOverdue</c> once per request that passes its due date without an outcome,
/// and lapses preservations whose time ran out. It reads only the requests whose <c>watchOn</c> day has
/// come, from that index. Safe with several copies of the service by construction: each change is saved
/// at the version the copy read, so of two copies acting on one request the second one's save conflicts
/// and writes nothing (docs/decisions/0013).
/// </summary>
internal sealed partial class OverdueWatch(EvidenceStore evidence, TimeProvider clock, OverdueWatch.Settings settings, ILogger<OverdueWatch> logger) : BackgroundService
{
    private const int Batch = 100;

    /// <summary><c>Evidence:OverdueCheckSeconds</c>: how often the watch looks (60 by default).</summary>
    public sealed record Settings(TimeSpan Interval)
    {
        public static Settings From(IConfiguration configuration)
        {
            var seconds = configuration.GetValue("Evidence:OverdueCheckSeconds", 60.0);
            return seconds > 0
                ? new Settings(TimeSpan.FromSeconds(seconds))
                : throw new InvalidOperationException($"Evidence:OverdueCheckSeconds is {seconds.ToString(CultureInfo.InvariantCulture)}; it must be more than 0.");
        }
    }

    /// <summary>Looks once at every request due a look today; returns how many changes this copy saved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var saved = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var due = await evidence.Requests.ListAsync(
                new Query(Filter.Between("watchOn", null, today), [Sort.Ascending("watchOn"), Sort.Ascending("id")], 0, Batch), cancellationToken);
            // A request seen already in this run was changed by another copy or a command meanwhile: the next run looks again.
            var fresh = due.Where(r => seen.Add($"{r.Id}@{r.Version}")).ToList();
            foreach (var request in fresh)
            {
                if (request.Watch(today, now) is not var (changed, events))
                {
                    continue;
                }

                try
                {
                    await evidence.Requests.SaveAsync(changed, request.Version, events, cancellationToken);
                    saved++;
                }
                catch (ConcurrencyConflictException)
                {
                    // Another copy (or an office's step) saved this request first: what it saved stands.
                    LogTakenOver(request.Id);
                }
            }

            if (due.Count < Batch || fresh.Count == 0)
            {
                return saved;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Debug, "Evidence request {Id} was changed by another copy first; its change stands.")]
    private partial void LogTakenOver(string id);

    [LoggerMessage(LogLevel.Warning, "The overdue watch failed; it looks again at its next interval.")]
    private partial void LogFailed(Exception exception);
}
