using System.Diagnostics;

namespace Cybercrime.Faults;

/// <summary>
/// 2. The broker restarted mid-stream, <c>--restarts</c> times: its application stopped and started
/// (the node stays up), or the whole node. A node of the suite's own, never the shared one. Each
/// restart streams N operations with the outage mid-stream; it is caught up when reporting shows
/// everything acknowledged so far within a minute of the broker's return, a stall otherwise.
/// </summary>
internal static class BrokerRestarts
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static Task<ScenarioResult> ApplicationAsync(Run run) => RestartAsync(run, async broker =>
    {
        await broker.StopApplicationAsync();
        await Task.Delay(Outage); // the outage itself, during which requests go on being acknowledged
        await broker.StartApplicationAsync();
    });

    public static Task<ScenarioResult> NodeAsync(Run run) => RestartAsync(run, async broker =>
    {
        await broker.StopNodeAsync();
        await Task.Delay(Outage);
        await broker.StartNodeAsync();
    });

    /// <summary>
    /// 3. kill -9 of training with events waiting in its outbox: the broker's application is stopped
    /// mid-stream, so that the rest of the stream piles up in the outbox; training is killed, the broker
    /// comes back, training is restarted on its store and its outbox drains.
    /// </summary>
    public static async Task<ScenarioResult> KillTrainingWithBacklogAsync(Run run)
    {
        await using var broker = await OwnBroker.StartAsync();
        return await run.StreamAsync(async (pipeline, driver) =>
        {
            await broker.StopApplicationAsync();
            await driver.ReachedAsync(run.Options.Operations);
            Console.WriteLine($"  {await OutboxAsync(pipeline)} events waiting in training's outbox when it is killed");
            await pipeline.KillAsync(pipeline.Training[0]);
            await broker.StartApplicationAsync();
            await pipeline.StartTrainingAsync();
            return Stopwatch.StartNew();
        }, broker: broker.Amqp);
    }

    private static async Task<long> OutboxAsync(FaultPipeline pipeline)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={pipeline.TrainingDatabase};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<ScenarioResult> RestartAsync(Run run, Func<OwnBroker, Task> restart)
    {
        var total = Stopwatch.StartNew();
        await using var broker = await OwnBroker.StartAsync();
        await using var pipeline = await FaultPipeline.StartAsync(run.Options, broker.Amqp);
        var driver = new Driver(pipeline, run.Name);
        var referee = new Referee(pipeline, broker.Amqp, run.Options.QuietDeadline);
        var stalls = 0;
        var recoveries = new List<double>();
        var since = Stopwatch.StartNew();
        for (var i = 0; i < run.Options.Restarts; i++)
        {
            var stream = driver.RunAsync(run.Options.Operations, run.PerSecond);
            await driver.ReachedAsync(driver.Completed + (run.Options.Operations / 2));
            await restart(broker);
            since = Stopwatch.StartNew();
            var acknowledged = driver.Completed;
            await stream;
            var caughtUp = Stopwatch.StartNew();
            while ((await referee.FiguresAsync()).Completions < acknowledged && caughtUp.Elapsed < CatchUp)
            {
                await Task.Delay(Poll);
            }

            recoveries.Add(since.Elapsed.TotalSeconds);
            stalls += caughtUp.Elapsed < CatchUp ? 0 : 1;
            Console.WriteLine($"  restart {i + 1}/{run.Options.Restarts}: caught up {since.Elapsed.TotalSeconds:0.0} s after the broker came back");
        }

        var result = await referee.JudgeAsync(run.Name, driver, since, total, stalls: stalls);
        return result with { RecoverySeconds = recoveries.Count == 0 ? 0 : recoveries.Max() };
    }
}
