using Cybercrime.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- pipeline [--scale 1] [--warmup 20] [--out benchmark-results]
// dotnet run -c Release --project tests/Benchmarks -- import [--rows 5000] [--runs 5]
// dotnet run -c Release --project tests/Benchmarks -- awareness-import [--rows 10000] [--runs 5]
// dotnet run -c Release --project tests/Benchmarks -- rebuild [--rows 20000] [--runs 3]
// dotnet run -c Release --project tests/Benchmarks -- queries [--participations 200000] [--registrations 100000] [--sessions 100000] [--runs 5] [--smoke]
var options = BenchmarkOptions.Parse(args);
switch (options.Scenario)
{
    case "import":
        var import = await ImportBenchmark.RunAsync(options);
        import.Print();
        import.Write(options.Output);
        break;
    case "awareness-import":
        var awareness = await AwarenessImportBenchmark.RunAsync(options);
        awareness.Print();
        awareness.Write(options.Output);
        break;
    case "pipeline":
        var pipeline = await PipelineBenchmark.RunAsync(options);
        pipeline.Print();
        pipeline.Write(options.Output);
        break;
    case "queries":
        var queries = await QueriesBenchmark.RunAsync(options);
        queries.Print();
        queries.Write(options.Output);
        break;
    case "rebuild":
        var rebuild = await RebuildBenchmark.RunAsync(options);
        rebuild.Print();
        rebuild.Write(options.Output);
        break;
    default:
        throw new ArgumentException($"Unknown scenario '{options.Scenario}'. Scenarios: pipeline, import, awareness-import, queries, rebuild.");
}
