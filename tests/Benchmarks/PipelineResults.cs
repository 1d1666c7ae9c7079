using System.Globalization;
using System.Text.Json;

namespace Cybercrime.Benchmarks;

/// <summary>The pipeline benchmark's figures: a table with ratios to this run's ceilings, where the CPU went, and the same as JSON.</summary>
internal sealed record PipelineResults(
    Round Ceiling,
    Round MassTransit,
    Round Pipeline,
    Round PacedMassTransit,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double LatencyOfferedPerSecond,
    Round? MongoPipeline,
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
        string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", CultureInfo.InvariantCulture);
        string Row(string name, double value, string unit, bool ratios = true) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} {value,10:0} {unit,-9} {(ratios ? Ratio(value, Ceiling.PerSecond) : ""),12} {(ratios ? Ratio(value, MassTransit.PerSecond) : ""),10}");

        Console.WriteLine();
        Console.WriteLine($"pipeline benchmark: {Messages} broker messages, {Events} pipeline events, {WarmUpSeconds:0} s warm-up per stage, throughputs the median of 3 rounds, {Cores} cores; ratios against ceilings of this run");
        Console.WriteLine($"{"",-52} {"value",10} {"unit",-9} {"/ ceiling",12} {"/ bare MT",10}");
        Console.WriteLine(Row("broker ceiling (RabbitMQ.Client, pipelined confirms)", Ceiling.PerSecond, "msg/s"));
        Console.WriteLine(Row("bare MassTransit (project bus set-up, no-op)", MassTransit.PerSecond, "msg/s"));
        Console.WriteLine(Row("pipeline: HTTP → SQLite + outbox → bus → read model", Pipeline.PerSecond, "events/s"));
        if (MongoPipeline is { } mongo)
        {
            Console.WriteLine(Row("pipeline on MongoDB", mongo.PerSecond, "events/s"));
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

        Console.WriteLine();
        Console.WriteLine("CPU per message or event, in ms of one core, by process (each stage's median round)");
        Console.WriteLine(Cpu("broker ceiling", Ceiling));
        Console.WriteLine(Cpu("bare MassTransit", MassTransit));
        Console.WriteLine(Cpu($"bare MassTransit at the pipeline's {PacedMassTransit.PerSecond:0}/s", PacedMassTransit));
        Console.WriteLine(Cpu("pipeline", Pipeline));
        if (MongoPipeline is { } onMongo)
        {
            Console.WriteLine(Cpu("pipeline on MongoDB (database not counted)", onMongo));
        }
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "pipeline.json");
        var json = new
        {
            CeilingPerSecond = Ceiling.PerSecond, MassTransitPerSecond = MassTransit.PerSecond, PipelinePerSecond = Pipeline.PerSecond,
            PipelineToCeiling = Pipeline.PerSecond / Ceiling.PerSecond,
            PipelineToMassTransit = Pipeline.PerSecond / MassTransit.PerSecond,
            LatencyOfferedPerSecond, LatencyP50Ms, LatencyP95Ms, LatencyP99Ms,
            MongoPipelinePerSecond = MongoPipeline?.PerSecond, MongoLatencyP99Ms,
            ScaleOut = ScaleOut.Select(s => new { s.Processes, s.PerSecond, s.Exact }),
            PeakMemoryBytes,
            CpuMs = new
            {
                Ceiling = Ceiling.CpuMs, MassTransit = MassTransit.CpuMs, PacedMassTransit = PacedMassTransit.CpuMs,
                PacedMassTransitPerSecond = PacedMassTransit.PerSecond, Pipeline = Pipeline.CpuMs, MongoPipeline = MongoPipeline?.CpuMs,
            },
            Messages, Events, WarmUpSeconds, Cores,
        };
        File.WriteAllText(file, JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"written to {Path.GetFullPath(file)}");
    }

    /// <summary>What each process used, and the total against what the machine's cores had to give at that rate.</summary>
    private string Cpu(string stage, Round round) => string.Create(CultureInfo.InvariantCulture,
        $"{stage,-52} {string.Join(", ", round.CpuMs.Select(p => $"{p.Key} {p.Value:0.000}"))}; total {round.CpuMs.Values.Sum():0.000} of {Cores * 1000 / round.PerSecond:0.000} available");
}
