using System.Diagnostics;
using Cybercrime.TestSupport;

namespace Cybercrime.Faults;

/// <summary>1. Every event delivered twice; every event delivered in reverse order.</summary>
internal static class Redelivery
{
    /// <summary>The stream runs; once quiet, the tap publishes every event it saw again: the figures must not move.</summary>
    public static async Task<ScenarioResult> TwiceAsync(Run run)
    {
        var total = Stopwatch.StartNew();
        await using var vhost = await TestBroker.CreateVirtualHostAsync("faults");
        await using var tap = await EventTap.OpenAsync(vhost.Amqp);
        await using var pipeline = await FaultPipeline.StartAsync(run.Options, vhost.Amqp);
        var driver = new Driver(pipeline, run.Name);
        await driver.RunAsync(run.Options.Operations, run.PerSecond);
        var referee = new Referee(pipeline, vhost.Amqp, run.Options.QuietDeadline);
        await referee.QuietAsync(driver, Stopwatch.StartNew());
        await WaitForEventsAsync(tap, pipeline, driver);
        await tap.RepublishAsync(reversed: false);
        return await referee.JudgeAsync(run.Name, driver, Stopwatch.StartNew(), total);
    }

    /// <summary>
    /// Reporting down for the whole stream; its queue is then emptied and the tap publishes every event
    /// in reverse order (a completion before its registration, the sessions last) before reporting starts.
    /// </summary>
    public static async Task<ScenarioResult> ReversedAsync(Run run)
    {
        var total = Stopwatch.StartNew();
        await using var vhost = await TestBroker.CreateVirtualHostAsync("faults");
        await using var tap = await EventTap.OpenAsync(vhost.Amqp);
        await using var pipeline = await FaultPipeline.StartAsync(run.Options, vhost.Amqp);
        await pipeline.KillAsync(pipeline.Reporting[0]);
        var driver = new Driver(pipeline, run.Name);
        await driver.RunAsync(run.Options.Operations, run.PerSecond);
        await WaitForEventsAsync(tap, pipeline, driver);
        await BrokerQueues.PurgeAsync(vhost.Amqp, BrokerQueues.Reporting);
        await tap.RepublishAsync(reversed: true);
        await pipeline.StartReportingAsync();
        return await new Referee(pipeline, vhost.Amqp, run.Options.QuietDeadline).JudgeAsync(run.Name, driver, Stopwatch.StartNew(), total);
    }

    /// <summary>Every session scheduled, every registration and every completion, as published.</summary>
    internal static Task WaitForEventsAsync(EventTap tap, FaultPipeline pipeline, Driver driver) =>
        Eventually.Until(async () => await tap.DrainAsync() >= pipeline.Sessions.Count + driver.Registered + driver.Completed,
            TimeSpan.FromMinutes(2), "the tap to see every event");
}
