using System.Globalization;
using System.Text.Json;

namespace Cybercrime.Benchmarks;

/// <summary>One read against its baseline, measured alternately in the same run: milliseconds and bytes allocated per request.</summary>
internal sealed record Comparison(string Baseline, string Measured, IReadOnlyList<double> BaselineMs, IReadOnlyList<double> MeasuredMs, IReadOnlyList<double> MeasuredAllocatedMiB)
{
    public double Ratio => Median(MeasuredMs) / Median(BaselineMs);

    public static double Median(IReadOnlyList<double> samples) => samples.Order().ElementAt(samples.Count / 2);
}

/// <summary>The queries benchmark's figures: each read's time as a ratio to its baseline, and what a request allocates.</summary>
internal sealed record QueriesResults(
    Comparison Summary, Comparison Session, Comparison Page, IReadOnlyDictionary<string, string> Facts)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("queries (median milliseconds per request; ratio to the baseline measured alternately in the same run; MiB allocated per request in this process, client included)");
        Console.WriteLine($"{"",-62} {"median",9} {"min",9} {"max",9} {"ratio",7} {"MiB",8}");
        foreach (var comparison in new[] { Summary, Session, Page })
        {
            Row(comparison.Baseline, comparison.BaselineMs, 1, null);
            Row(comparison.Measured, comparison.MeasuredMs, comparison.Ratio, Comparison.Median(comparison.MeasuredAllocatedMiB));
        }

        foreach (var (name, value) in Facts)
        {
            Console.WriteLine($"{name}: {value}");
        }
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "queries.json");
        File.WriteAllText(file, JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"written to {Path.GetFullPath(file)}");
    }

    private static void Row(string name, IReadOnlyList<double> samples, double ratio, double? allocated) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-62} {Comparison.Median(samples),9:0.00} {samples.Min(),9:0.00} {samples.Max(),9:0.00} {ratio,7:0.00} {(allocated is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : ""),8}"));
}
