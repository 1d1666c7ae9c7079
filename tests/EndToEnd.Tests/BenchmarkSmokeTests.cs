using System.Diagnostics;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The benchmark program still runs, at a tiny volume; it measures, and these tests assert no timing.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_import_benchmark_runs_and_writes_its_results()
    {
        var output = Directory.CreateTempSubdirectory("cybercrime-bench-smoke-").FullName;
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "Benchmarks", "bin", ServiceProcess.BuildConfiguration, "net10.0", "Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "import", "--rows", "25", "--runs", "1", "--out", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout}{await stderr}");
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "import.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(2, results["rows"]!.AsArray().Count);
        Assert.All(results["rows"]!.AsArray(), row => Assert.Single(row!["samples"]!.AsArray()));
        Directory.Delete(output, recursive: true);
    }
}
