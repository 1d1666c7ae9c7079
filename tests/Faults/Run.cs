using System.Diagnostics;
using Cybercrime.TestSupport;

namespace Cybercrime.Faults;

/// <summary>
/// One scenario's run: a fresh virtual host of the test broker (or a given broker), fresh stores,
/// the services started, N operations streamed; the fault is injected once half of them are acknowledged.
/// </summary>
internal sealed class Run(FaultOptions options, string name)
{
    public FaultOptions Options => options;

    public string Name => name;

    public double PerSecond => Math.Clamp(options.Operations / 4.0, 10, 200);

    /// <summary>Streams the operations and calls <paramref name="fault"/> mid-stream; it returns a clock started when the fault ended.</summary>
    public async Task<ScenarioResult> StreamAsync(Func<FaultPipeline, Driver, Task<Stopwatch>> fault, int training = 1, int reporting = 1, Uri? broker = null)
    {
        var total = Stopwatch.StartNew();
        await using var vhost = broker is null ? await TestBroker.CreateVirtualHostAsync("faults") : null;
        var amqp = broker ?? vhost!.Amqp;
        await using var pipeline = await FaultPipeline.StartAsync(options, amqp, training, reporting);
        var driver = new Driver(pipeline, name);
        var stream = driver.RunAsync(options.Operations, PerSecond);
        await driver.ReachedAsync(options.Operations / 2);
        var since = await fault(pipeline, driver);
        await stream;
        return await new Referee(pipeline, amqp, options.QuietDeadline).JudgeAsync(name, driver, since, total);
    }
}
