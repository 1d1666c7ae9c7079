using Cybercrime.Operations;

// dotnet run --project deploy/Operations -- rebuild-reporting --url http://localhost:5000 [--token …] [--timeout 600]
if (args is not ["rebuild-reporting", .. var rest])
{
    return Usage("Unknown command.");
}

if (!Options.TryParse(rest, out var options, out var problem))
{
    Console.Error.WriteLine(problem);
    return 1;
}

return await RebuildReporting.RunAsync(options, Console.Out, CancellationToken.None);

static int Usage(string? problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("Usage: rebuild-reporting --url <reporting base address> [--token <operations bearer token>] [--timeout <seconds, default 600>]");
    Console.Error.WriteLine("Without --token, a development token is asked of the host's /dev/token (development hosts only).");
    return 64;
}
