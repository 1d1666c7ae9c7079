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
        var results = await RunAsync("import", "--rows", "25", "--runs", "1");

        Assert.Equal(2, results["rows"]!.AsArray().Count);
        Assert.All(results["rows"]!.AsArray(), row => Assert.Single(row!["samples"]!.AsArray()));
    }

    [Fact]
    public async Task The_awareness_import_benchmark_runs_and_writes_its_results()
    {
        var results = await RunAsync("awareness-import", "--rows", "25", "--runs", "1");

        Assert.Equal(3, results["rows"]!.AsArray().Count);
        Assert.All(results["rows"]!.AsArray(), row => Assert.Single(row!["samples"]!.AsArray()));
    }

    [Fact]
    public async Task The_pipeline_benchmark_runs_every_stage_counts_each_process_CPU_and_the_read_model_ends_exact()
    {
        var results = await RunAsync("pipeline", "--smoke");

        Assert.All(["ceilingPerSecond", "massTransitPerSecond", "pipelinePerSecond", "latencyP99Ms"], figure => Assert.True(results[figure]!.GetValue<double>() > 0, figure));
        Assert.Equal([1, 2, 3], results["scaleOut"]!.AsArray().Select(s => s!["processes"]!.GetValue<int>()));
        Assert.All(results["scaleOut"]!.AsArray(), s => Assert.True(s!["exact"]!.GetValue<bool>()));
        var cpu = results["cpuMs"]!["pipeline"]!;
        Assert.All(["load generator", "training", "reporting"], process => Assert.True(cpu[process]!.GetValue<double>() > 0, process));
    }

    [Fact]
    public async Task The_queries_benchmark_compares_each_read_with_its_baseline()
    {
        var results = await RunAsync("queries", "--smoke");

        Assert.All(["summary", "session", "page"], read =>
        {
            Assert.Equal(results[read]!["baselineMs"]!.AsArray().Count, results[read]!["measuredMs"]!.AsArray().Count);
            Assert.True(results[read]!["ratio"]!.GetValue<double>() > 0, read);
            Assert.True(results[read]!["measuredAllocatedMiB"]![0]!.GetValue<double>() > 0, read);
        });
    }

    [Fact]
    public async Task The_rebuild_benchmark_compares_the_rebuild_rate_with_the_drain_rate()
    {
        var results = await RunAsync("rebuild", "--rows", "50", "--runs", "1");

        Assert.Equal(2, results["rows"]!.AsArray().Count);
        Assert.All(results["rows"]!.AsArray(), row => Assert.True(Assert.Single(row!["samples"]!.AsArray())!.GetValue<double>() > 0));
    }

    /// <summary>Runs the benchmark program as its own process and reads the JSON it writes.</summary>
    private static async Task<JsonNode> RunAsync(string scenario, params string[] options)
    {
        var output = Directory.CreateTempSubdirectory("cybercrime-bench-smoke-").FullName;
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "Benchmarks", "bin", ServiceProcess.BuildConfiguration, "net10.0", "Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet", [dll, scenario, .. options, "--out", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout}{await stderr}");
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, $"{scenario}.json"), TestContext.Current.CancellationToken))!;
        Directory.Delete(output, recursive: true);
        return results;
    }
}
