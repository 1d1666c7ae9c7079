using System.Diagnostics;

namespace Cybercrime.Faults;

/// <summary>The scenarios that need nothing but the services, the test broker and their stores.</summary>
internal static class Scenarios
{
    /// <summary>3. kill -9 of the producing service mid-stream, restarted on its store: its outbox resumes.</summary>
    public static Task<ScenarioResult> KillTrainingAsync(Run run) => run.StreamAsync(async (pipeline, _) =>
    {
        await pipeline.KillAsync(pipeline.Training[0]);
        await pipeline.StartTrainingAsync();
        return Stopwatch.StartNew();
    });

    /// <summary>4. kill -9 of reporting mid-stream (with a batch in flight: it prefetches 64), restarted.</summary>
    public static Task<ScenarioResult> KillReportingAsync(Run run) => run.StreamAsync(async (pipeline, _) =>
    {
        await pipeline.KillAsync(pipeline.Reporting[0]);
        await pipeline.StartReportingAsync();
        return Stopwatch.StartNew();
    });

    /// <summary>5. Reporting stopped until the stream ends, then started: the backlog drains.</summary>
    public static Task<ScenarioResult> ConsumerStoppedAsync(Run run) => run.StreamAsync(async (pipeline, driver) =>
    {
        await pipeline.KillAsync(pipeline.Reporting[0]);
        await driver.ReachedAsync(run.Options.Operations);
        await pipeline.StartReportingAsync();
        return Stopwatch.StartNew();
    });

    /// <summary>6. The producing service's store locked longer than its write timeout: requests answer 503, not hang; no restart.</summary>
    public static async Task<ScenarioResult> LockedTrainingStoreAsync(Run run)
    {
        var result = await run.StreamAsync(async (pipeline, _) =>
        {
            await StoreLock.HoldAsync(pipeline.TrainingDatabase, TimeSpan.FromSeconds(run.Options.LockSeconds));
            return Stopwatch.StartNew();
        });
        return result with { Failure = result.Failure ?? Answered503(run, result) };
    }

    /// <summary>6. Reporting's store locked: its consumers retry (or park, then replayed); counted once, no restart.</summary>
    public static async Task<ScenarioResult> LockedReportingStoreAsync(Run run)
    {
        long replayed = 0;
        var result = await run.StreamAsync(async (pipeline, _) =>
        {
            await StoreLock.HoldAsync(pipeline.ReportingDatabase, TimeSpan.FromSeconds(run.Options.LockSeconds));
            replayed = await Operations.ReplayAsync(pipeline);
            return Stopwatch.StartNew();
        });
        return result with { Replayed = replayed };
    }

    /// <summary>8. Three copies of reporting on one queue and store; one killed mid-stream and not restarted.</summary>
    public static Task<ScenarioResult> ThreeReportingAsync(Run run) => run.StreamAsync(async (pipeline, _) =>
    {
        await pipeline.KillAsync(pipeline.Reporting[1]);
        return Stopwatch.StartNew();
    }, reporting: 3);

    /// <summary>8. Three copies of training on one store, the driver spreading requests; one killed mid-stream.</summary>
    public static Task<ScenarioResult> ThreeTrainingAsync(Run run) => run.StreamAsync(async (pipeline, _) =>
    {
        await pipeline.KillAsync(pipeline.Training[1]);
        return Stopwatch.StartNew();
    }, training: 3);

    /// <summary>A lock longer than the write timeout must have been answered 503 at least once, each answer within the timeout and a margin.</summary>
    private static string? Answered503(Run run, ScenarioResult result) =>
        result.Unavailable == 0 ? "the store was locked and no request answered 503"
        : result.SlowestAnswerSeconds > run.Options.WriteTimeoutSeconds + 10 ? $"a request hung {result.SlowestAnswerSeconds:0} s"
        : null;
}
