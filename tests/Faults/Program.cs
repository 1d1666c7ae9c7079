using System.Text.Json;
using Cybercrime.Faults;

// dotnet run -c Release --project tests/Faults -- [--n 200] [--restarts 1] [--scenario kill-training] [--lock 40] [--write-timeout 10] [--out fault-results]
// Each scenario prints one line (see ScenarioResult) and the run writes them all to <out>/faults.json; exit code 1 when any failed.
var options = FaultOptions.Parse(args);
var scenarios = new Dictionary<string, Func<Run, Task<ScenarioResult>>>
{
    ["delivered-twice"] = Redelivery.TwiceAsync,
    ["delivered-reversed"] = Redelivery.ReversedAsync,
    ["broker-app-restart"] = BrokerRestarts.ApplicationAsync,
    ["broker-node-restart"] = BrokerRestarts.NodeAsync,
    ["kill-training"] = Scenarios.KillTrainingAsync,
    ["broker-kill-training-backlog"] = BrokerRestarts.KillTrainingWithBacklogAsync,
    ["kill-reporting"] = Scenarios.KillReportingAsync,
    ["consumer-stopped"] = Scenarios.ConsumerStoppedAsync,
    ["training-store-locked"] = Scenarios.LockedTrainingStoreAsync,
    ["reporting-store-locked"] = Scenarios.LockedReportingStoreAsync,
    ["poison"] = Poison.RunAsync,
    ["three-reporting"] = Scenarios.ThreeReportingAsync,
    ["three-training"] = Scenarios.ThreeTrainingAsync,
};
if (options.Scenario is { } only && !scenarios.ContainsKey(only))
{
    throw new ArgumentException($"Unknown scenario '{only}'. Scenarios: {string.Join(", ", scenarios.Keys)}.");
}

var results = new List<ScenarioResult>();
var skipped = new List<string>();
foreach (var (name, scenario) in scenarios.Where(s => options.Scenario is null || s.Key == options.Scenario))
{
    if (name.StartsWith("broker-", StringComparison.Ordinal) && !OwnBroker.Available)
    {
        // A broker of the suite's own is needed to restart one; ./test.sh installs rabbitmq-server where it starts one.
        Console.WriteLine($"SKIP {name}: no rabbitmq-server on this machine to run a broker node of the suite's own");
        skipped.Add(name);
        continue;
    }

    Console.WriteLine($"{name}: {options.Operations} operations ...");
    ScenarioResult result;
    try
    {
        result = await scenario(new Run(options, name));
    }
    catch (Exception e)
    {
        result = new ScenarioResult(name, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, $"{e.GetType().Name}: {e.Message}");
    }

    results.Add(result);
    Console.WriteLine(result.Line());
}

Directory.CreateDirectory(options.Output);
await File.WriteAllTextAsync(Path.Combine(options.Output, "faults.json"), JsonSerializer.Serialize(
    new { operations = options.Operations, restarts = options.Restarts, scenarios = results, skipped }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
Console.WriteLine($"{results.Count(r => r.Passed)} of {results.Count} scenarios passed; {Path.GetFullPath(Path.Combine(options.Output, "faults.json"))}");
return results.All(r => r.Passed) ? 0 : 1;
