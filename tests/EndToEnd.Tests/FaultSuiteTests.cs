using System.Diagnostics;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The fault suite (tests/Faults) runs every scenario at a small N: services as processes, faults
/// injected mid-stream, and reporting must end with exactly what training acknowledged.
/// </summary>
public sealed class FaultSuiteTests
{
    [Fact]
    public async Task Every_fault_scenario_ends_with_nothing_lost_and_nothing_counted_twice()
    {
        var results = await RunAsync("--n", "20", "--restarts", "1", "--lock", "8", "--write-timeout", "3");

        var scenarios = results["scenarios"]!.AsArray();
        var skipped = results["skipped"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(13, scenarios.Count + skipped.Count);
        Assert.All(scenarios, s =>
        {
            var name = s!["scenario"]!.GetValue<string>();
            Assert.True(s["failure"] is null, $"{name}: {s["failure"]}");
            Assert.True(s["acknowledged"]!.GetValue<int>() > 0, name);
            Assert.Equal(s["acknowledged"]!.GetValue<int>(), s["counted"]!.GetValue<long>());
            Assert.Equal(0, s["lost"]!.GetValue<long>());
            Assert.Equal(0, s["doubleCounted"]!.GetValue<long>());
        });
        var poison = scenarios.Single(s => s!["scenario"]!.GetValue<string>() == "poison")!;
        Assert.Equal(3, poison["parked"]!.GetValue<long>());
        Assert.Equal(3, poison["replayed"]!.GetValue<long>());
        var locked = scenarios.Single(s => s!["scenario"]!.GetValue<string>() == "training-store-locked")!;
        Assert.True(locked["unavailable"]!.GetValue<int>() > 0, "the locked store answered 503");
    }

    /// <summary>Runs the fault program as its own process and reads the JSON it writes.</summary>
    private static async Task<JsonNode> RunAsync(params string[] options)
    {
        var output = Directory.CreateTempSubdirectory("cybercrime-faults-smoke-").FullName;
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "Faults", "bin", ServiceProcess.BuildConfiguration, "net10.0", "Faults.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. options, "--out", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(await stdout);
        var file = Path.Combine(output, "faults.json");
        Assert.True(File.Exists(file), $"exit {process.ExitCode}: {await stdout}{await stderr}");
        var results = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
        Directory.Delete(output, recursive: true);
        return results;
    }
}
