using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Cybercrime.Benchmarks;

/// <summary>One scenario's figures: each row raw, and as a ratio to the baseline measured in the same run.</summary>
internal sealed record BenchmarkResults(string Scenario, string Unit, IReadOnlyList<BenchmarkRow> Rows, IReadOnlyDictionary<string, string> Facts)
{
    public void Print()
    {
        var baseline = Rows[0].Median;
        Console.WriteLine();
        Console.WriteLine($"{Scenario} ({Unit}; ratio to '{Rows[0].Name}', measured in the same run)");
        Console.WriteLine($"{"",-48} {"median",10} {"min",10} {"max",10} {"ratio",8}");
        foreach (var row in Rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name,-48} {row.Median,10:0.0} {row.Samples.Min(),10:0.0} {row.Samples.Max(),10:0.0} {row.Median / baseline,8:0.00}"));
        }

        foreach (var (name, value) in Facts)
        {
            Console.WriteLine($"{name}: {value}");
        }
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Scenario}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"written to {Path.GetFullPath(file)}");
    }

    public static string PeakWorkingSet() =>
        $"{Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB".ToString(CultureInfo.InvariantCulture);

    /// <summary>What a run was measured on: its volumes, then the process's peak working set and the machine.</summary>
    public static Dictionary<string, string> RunFacts(params (string Name, long Value)[] volumes)
    {
        var facts = volumes.ToDictionary(v => v.Name, v => v.Value.ToString(CultureInfo.InvariantCulture));
        facts["peak working set"] = PeakWorkingSet();
        facts["machine"] = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}";
        return facts;
    }
}

internal sealed record BenchmarkRow(string Name, IReadOnlyList<double> Samples)
{
    public double Median => Samples.Order().ElementAt(Samples.Count / 2);
}
