using Cybercrime.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- import [--rows 5000] [--runs 5] [--out benchmark-results]
var options = BenchmarkOptions.Parse(args);
var results = options.Scenario switch
{
    "import" => await ImportBenchmark.RunAsync(options),
    _ => throw new ArgumentException($"Unknown scenario '{options.Scenario}'. Scenarios: import."),
};
results.Print();
results.Write(options.Output);
