using System.Globalization;

namespace Cybercrime.Benchmarks;

internal sealed record BenchmarkOptions(
    string Scenario, int Rows, int Runs, int Scale, int WarmUpSeconds, bool Smoke, string Output, int Participations, int Registrations, int Sessions)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new BenchmarkOptions(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "import",
            int.Parse(Value("--rows", "5000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--runs", "5"), CultureInfo.InvariantCulture),
            int.Parse(Value("--scale", "1"), CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup", "20"), CultureInfo.InvariantCulture),
            args.Contains("--smoke"),
            Value("--out", "benchmark-results"),
            int.Parse(Value("--participations", "200000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--registrations", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--sessions", "100000"), CultureInfo.InvariantCulture));
    }
}
