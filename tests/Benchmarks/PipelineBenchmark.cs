using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cybercrime.TestSupport;

namespace Cybercrime.Benchmarks;

/// <summary>
/// One run against one local RabbitMQ: the broker's ceiling, bare MassTransit, the whole pipeline
/// (throughput, then latency at half of it), reporting scaled out to 1, 2 and 3 processes, and the
/// services' peak memory. Every figure is also given as a ratio to the ceilings measured in the same run.
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

        double ceiling, massTransit;
        Step($"1/5 broker ceiling: {messages} messages, RabbitMQ.Client, pipelined confirms, quorum queue");
        await using (var vhost = await TestBroker.CreateVirtualHostAsync("bench-ceiling"))
        {
            await WarmUpAsync(warmUp, () => BrokerCeiling.MeasureAsync(vhost.Amqp, messages / 10));
            ceiling = await MedianAsync(() => BrokerCeiling.MeasureAsync(vhost.Amqp, messages));
        }

        Step($"   {ceiling:0} msg/s\n2/5 bare MassTransit: {messages} messages, the project's bus set-up, no-op consumer");
        await using (var vhost = await TestBroker.CreateVirtualHostAsync("bench-masstransit"))
        {
            await WarmUpAsync(warmUp, () => BareMassTransit.MeasureAsync(vhost.Amqp, messages / 10));
            massTransit = await MedianAsync(() => BareMassTransit.MeasureAsync(vhost.Amqp, messages));
        }

        Step($"   {massTransit:0} msg/s");
        var memory = new Dictionary<string, long>();
        var (pipeline, latencies) = await PipelineAsync(new SqliteFiles(Folder()), events, warmUp, latencyWindow, memory);
        var mongo = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri
            ? await PipelineAsync(new MongoDatabases(uri), events, warmUp, latencyWindow, memory)
            : default((double, IReadOnlyList<double>)?);
        if (mongo is null)
        {
            Step("   MongoDB: skipped, no MONGODB_URI set");
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

        return new PipelineResults(ceiling, massTransit, pipeline,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), pipeline / 2,
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

    /// <summary>The median of three measurements: one round of a few seconds swings by a fifth or more on a shared machine.</summary>
    private static async Task<double> MedianAsync(Func<Task<double>> measure)
    {
        var rounds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            rounds.Add(await measure());
        }

        return rounds.Order().ElementAt(1);
    }

    /// <summary>Stages 3 and 4 on one store: throughput, then latencies at half of it.</summary>
    private static async Task<(double PerSecond, IReadOnlyList<double> Latencies)> PipelineAsync(
        PipelineStore store, int events, TimeSpan warmUp, TimeSpan latencyWindow, Dictionary<string, long> memory)
    {
        Step($"3/5 pipeline over HTTP ({store.Name}): {events} registrations, training and reporting as processes, after {warmUp.TotalSeconds:0} s of warm-up");
        await using var services = await ServicePipeline.StartAsync(reportingProcesses: 1, store);
        await WarmUpAsync(warmUp, () => services.ThroughputAsync(Math.Max(1, events / 10)));
        var perSecond = await MedianAsync(() => services.ThroughputAsync(events));
        Step($"   {perSecond:0} events/s\n4/5 latency at half that rate ({perSecond / 2:0}/s) for {latencyWindow.TotalSeconds:0} s");
        var latencies = await services.LatenciesAsync(perSecond / 2, latencyWindow);
        Step($"   p50 {Percentile(latencies, 50):0} ms, p99 {Percentile(latencies, 99):0} ms");
        Keep(memory, services.PeakMemory());
        return (perSecond, latencies);
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

internal sealed record PipelineResults(
    double CeilingPerSecond,
    double MassTransitPerSecond,
    double PipelinePerSecond,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double LatencyOfferedPerSecond,
    double? MongoPipelinePerSecond,
    double? MongoLatencyP99Ms,
    IReadOnlyList<(int Processes, double PerSecond, bool Exact)> ScaleOut,
    IReadOnlyDictionary<string, long> PeakMemoryBytes,
    int Messages,
    int Events,
    double WarmUpSeconds,
    int Cores)
{
    public void Print()
    {
        string Row(string name, double value, string unit, bool ratios = true) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} {value,10:0} {unit,-9} {(ratios ? (value / CeilingPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : ""),12} {(ratios ? (value / MassTransitPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : ""),10}");

        Console.WriteLine();
        Console.WriteLine($"pipeline benchmark: {Messages} broker messages, {Events} pipeline events, {WarmUpSeconds:0} s warm-up per stage, throughputs the median of 3 rounds, {Cores} cores; ratios against ceilings of this run");
        Console.WriteLine($"{"",-52} {"value",10} {"unit",-9} {"/ ceiling",12} {"/ bare MT",10}");
        Console.WriteLine(Row("broker ceiling (RabbitMQ.Client, pipelined confirms)", CeilingPerSecond, "msg/s"));
        Console.WriteLine(Row("bare MassTransit (project bus set-up, no-op)", MassTransitPerSecond, "msg/s"));
        Console.WriteLine(Row("pipeline: HTTP → SQLite + outbox → bus → read model", PipelinePerSecond, "events/s"));
        if (MongoPipelinePerSecond is { } mongo)
        {
            Console.WriteLine(Row("pipeline on MongoDB", mongo, "events/s"));
            Console.WriteLine(Row("latency p99 on MongoDB", MongoLatencyP99Ms!.Value, "ms", ratios: false));
        }
        else
        {
            Console.WriteLine("pipeline on MongoDB: not measured (no MONGODB_URI)");
        }

        foreach (var (processes, perSecond, exact) in ScaleOut)
        {
            Console.WriteLine(Row($"reporting drain, {processes} process(es){(exact ? "" : " NOT EXACT")}", perSecond, "events/s"));
        }

        Console.WriteLine(Row($"latency p50 at {LatencyOfferedPerSecond:0}/s offered", LatencyP50Ms, "ms", ratios: false));
        Console.WriteLine(Row("latency p95", LatencyP95Ms, "ms", ratios: false));
        Console.WriteLine(Row("latency p99", LatencyP99Ms, "ms", ratios: false));
        foreach (var (service, bytes) in PeakMemoryBytes)
        {
            Console.WriteLine(Row($"peak working set, {service}", bytes / (1024.0 * 1024.0), "MiB", ratios: false));
        }
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "pipeline.json");
        var json = new
        {
            CeilingPerSecond, MassTransitPerSecond, PipelinePerSecond,
            PipelineToCeiling = PipelinePerSecond / CeilingPerSecond,
            PipelineToMassTransit = PipelinePerSecond / MassTransitPerSecond,
            LatencyOfferedPerSecond, LatencyP50Ms, LatencyP95Ms, LatencyP99Ms, MongoPipelinePerSecond, MongoLatencyP99Ms,
            ScaleOut = ScaleOut.Select(s => new { s.Processes, s.PerSecond, s.Exact }),
            PeakMemoryBytes, Messages, Events, WarmUpSeconds, Cores,
        };
        File.WriteAllText(file, JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"written to {Path.GetFullPath(file)}");
    }
}
