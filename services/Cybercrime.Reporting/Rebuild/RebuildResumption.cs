using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>
/// Empties every collection of facts, asks the producers to restate, then marks the rebuild asked. Never
/// cancelled by the caller: a client gone half-way must not leave the facts emptied and nobody asked.
/// </summary>
internal static class RebuildAsking
{
    public static async Task AskAsync(RebuildRecord record, DocumentStore store, IPublishEndpoint bus)
    {
        await store.Collection<RebuildMark>().DeleteAllAsync(CancellationToken.None);
        foreach (var empty in FactAreas.Emptying)
        {
            await empty(store, CancellationToken.None);
        }

        await bus.Publish(new ReportingRebuildRequested(Guid.Parse(record.Id), record.StartedAt), CancellationToken.None);
        try
        {
            await store.Collection<RebuildRecord>().SaveAsync(
                new RebuildRecord { Id = record.Id, Version = record.Version + 1, StartedAt = record.StartedAt, State = RebuildRecord.Asked },
                record.Version, [], CancellationToken.None);
        }
        catch (ConcurrencyConflictException)
        {
            // Asked already by the other path (the request and a resumption racing): asking twice only restates twice.
        }
    }
}

/// <summary>
/// Completes rebuilds recorded but never asked (a crash or the broker down between recording and
/// publishing): once the host has started, then every <c>Reporting:RebuildCheckSeconds</c> (60) for
/// those recorded longer ago than that, so a request still on its way is left to finish.
/// </summary>
internal sealed class RebuildResumption(
    [FromKeyedServices("reporting")] DocumentStore store, IBus bus, IHostApplicationLifetime lifetime, TimeProvider clock,
    IConfiguration configuration, ILogger<RebuildResumption> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Reporting:RebuildCheckSeconds", 60));
        await WhenStartedAsync(stoppingToken);
        var olderThan = DateTimeOffset.MaxValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await store.Collection<RebuildRecord>().WhereAsync("state", [RebuildRecord.Requested], stoppingToken);
                foreach (var record in pending.Where(r => r.StartedAt < olderThan))
                {
                    logger.LogWarning("Rebuild {RebuildId} was recorded but its request never published: emptying and asking again.", record.Id);
                    await RebuildAsking.AskAsync(record, store, bus);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not complete the rebuilds left unasked; trying again in {Seconds} s.", every.TotalSeconds);
            }

            await Task.Delay(every, clock, stoppingToken);
            olderThan = clock.GetUtcNow() - every;
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(started.SetResult);
        return started.Task.WaitAsync(stoppingToken);
    }
}

internal static class RebuildResumptionRegistration
{
    public static IHostApplicationBuilder AddRebuildResumption(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<RebuildResumption>();
        builder.Services.AddConsumeObserver<RestatementMarks>();
        return builder;
    }
}
