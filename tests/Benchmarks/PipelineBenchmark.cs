using System.Diagnostics;
using Cybercrime.TestSupport;

namespace Cybercrime.Benchmarks;

/// <summary>
/// One run against one local RabbitMQ: the broker's ceiling, bare MassTransit, the whole pipeline
/// (throughput, then latency at half of it), reporting scaled out to 1, 2 and 3 processes, and the
/// services' peak memory, and the CPU each process spent per message or event. Every throughput is
/// also given as a ratio to the ceilings measured in the same run.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<PipelineResults> RunAsync(BenchmarkOptions options)
    {
        // --smoke: tiny volumes that only prove every stage still runs.
        var messages = options.Smoke ? 200 : 20_000 * options.Scale;
        var events = options.Smoke ? 50 : 10_000 * options.Scale;
        var latencyWindow = TimeSpan.FromSeconds(options.Smoke ? 1 : 10 * options.Scale);
        var warmUp = TimeSpan.FromSeconds(options.Smoke ? 0 : options.WarmUpSeconds);

        Round ceiling, massTransit;
        Step($"1/5 broker ceiling: {messages} messages, RabbitMQ.Client, pipelined confirms, quorum queue");
        await using (var vhost = await TestBroker.CreateVirtualHostAsync("bench-ceiling"))
        {
            await WarmUpAsync(warmUp, () => BrokerCeiling.MeasureAsync(vhost.Amqp, messages / 10));
            ceiling = await MedianAsync(() => BrokerCeiling.MeasureAsync(vhost.Amqp, messages));
        }

        Step($"   {ceiling.PerSecond:0} msg/s\n2/5 bare MassTransit: {messages} messages, the project's bus set-up, no-op consumer");
        await using (var vhost = await TestBroker.CreateVirtualHostAsync("bench-masstransit"))
        {
            await WarmUpAsync(warmUp, () => BareMassTransit.MeasureAsync(vhost.Amqp, messages / 10));
            massTransit = await MedianAsync(() => BareMassTransit.MeasureAsync(vhost.Amqp, messages));
        }

        Step($"   {massTransit.PerSecond:0} msg/s");
        var memory = new Dictionary<string, long>();
        var (pipeline, latencies) = await PipelineAsync(new SqliteFiles(Folder()), events, warmUp, latencyWindow, memory);
        var mongo = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri
            ? await PipelineAsync(new MongoDatabases(uri), events, warmUp, latencyWindow, memory)
            : default((Round, IReadOnlyList<double>)?);
        if (mongo is null)
        {
            Step("   MongoDB: skipped, no MONGODB_URI set");
        }

        // The broker's cost per message grows as its load falls (less to batch per write and per
        // wake-up), so the pipeline's share of the CPU is best compared with MassTransit at the same rate.
        Step($"   bare MassTransit again, {events} messages offered at the pipeline's {pipeline.PerSecond:0}/s, for its CPU per message");
        Round paced;
        await using (var vhost = await TestBroker.CreateVirtualHostAsync("bench-masstransit-paced"))
        {
            paced = await BareMassTransit.MeasureAsync(vhost.Amqp, events, pipeline.PerSecond);
        }

        Step($"5/5 scale-out: {events} queued events drained by 1, 2 and 3 freshly started reporting processes");
        var scaleOut = new List<(int Processes, double PerSecond, bool Exact)>();
        foreach (var processes in new[] { 1, 2, 3 })
        {
            await using var services = await ServicePipeline.StartAsync(reportingProcesses: 1, new SqliteFiles(Folder()));
            var (perSecond, exact) = await services.DrainAsync(events, processes);
            scaleOut.Add((processes, perSecond, exact));
            Keep(memory, services.PeakMemory());
            Step($"   {processes} process(es): {perSecond:0} events/s, read model {(exact ? "exact" : "WRONG")}");
        }

        return new PipelineResults(ceiling, massTransit, pipeline, paced,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), pipeline.PerSecond / 2,
            mongo?.Item1, mongo is { } m ? Percentile(m.Item2, 99) : null,
            scaleOut, memory, messages, events, warmUp.TotalSeconds, Environment.ProcessorCount);
    }

    /// <summary>
    /// Repeats <paramref name="round"/> for <paramref name="duration"/> (at least once) before a stage is
    /// measured: the JIT's tiered, profile-guided compilation of a service keeps running for tens of
    /// seconds under load, and a long-running service is measured, not one that has just started.
    /// </summary>
    private static async Task WarmUpAsync(TimeSpan duration, Func<Task> round)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            await round();
        }
        while (clock.Elapsed < duration);
    }

    /// <summary>The median of three rounds: one round of a few seconds swings by a fifth or more on a shared machine.</summary>
    private static async Task<Round> MedianAsync(Func<Task<Round>> measure)
    {
        var rounds = new List<Round>();
        for (var i = 0; i < 3; i++)
        {
            rounds.Add(await measure());
        }

        return rounds.OrderBy(r => r.PerSecond).ElementAt(1);
    }

    /// <summary>Stages 3 and 4 on one store: throughput, then latencies at half of it.</summary>
    private static async Task<(Round Throughput, IReadOnlyList<double> Latencies)> PipelineAsync(
        PipelineStore store, int events, TimeSpan warmUp, TimeSpan latencyWindow, Dictionary<string, long> memory)
    {
        Step($"3/5 pipeline over HTTP ({store.Name}): {events} registrations, training and reporting as processes, after {warmUp.TotalSeconds:0} s of warm-up");
        await using var services = await ServicePipeline.StartAsync(reportingProcesses: 1, store);
        await WarmUpAsync(warmUp, () => services.ThroughputAsync(Math.Max(1, events / 10)));
        var throughput = await MedianAsync(() => services.ThroughputAsync(events));
        var perSecond = throughput.PerSecond;
        Step($"   {perSecond:0} events/s\n4/5 latency at half that rate ({perSecond / 2:0}/s) for {latencyWindow.TotalSeconds:0} s");
        var latencies = await services.LatenciesAsync(perSecond / 2, latencyWindow);
        Step($"   p50 {Percentile(latencies, 50):0} ms, p99 {Percentile(latencies, 99):0} ms");
        Keep(memory, services.PeakMemory());
        return (throughput, latencies);
    }

    private static string Folder() => Directory.CreateTempSubdirectory("cybercrime-bench-pipeline-").FullName;

    private static void Step(string text) => Console.WriteLine(text);

    private static void Keep(Dictionary<string, long> memory, IReadOnlyDictionary<string, long> peaks)
    {
        foreach (var (service, bytes) in peaks)
        {
            memory[service] = Math.Max(memory.GetValueOrDefault(service), bytes);
        }
    }

    private static double Percentile(IReadOnlyList<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
