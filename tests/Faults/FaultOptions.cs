using System.Globalization;

namespace Cybercrime.Faults;

/// <param name="Operations">Business operations (a registration and its completion) streamed per scenario.</param>
/// <param name="Restarts">Broker restarts per broker scenario.</param>
/// <param name="Scenario">One scenario by name, or every one when null.</param>
/// <param name="LockSeconds">How long the store is held locked; longer than <paramref name="WriteTimeoutSeconds"/>.</param>
/// <param name="WriteTimeoutSeconds">The services' <c>Storage:WriteTimeoutSeconds</c>, after which a write answers 503.</param>
internal sealed record FaultOptions(int Operations, int Restarts, string? Scenario, int LockSeconds, int WriteTimeoutSeconds, string Output)
{
    /// <summary>How long the suite waits for reporting to show what was acknowledged before it calls the rest lost.</summary>
    public TimeSpan QuietDeadline => TimeSpan.FromSeconds(90 + (Operations / 50));

    public static FaultOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var options = new FaultOptions(Number("--n", 200), Number("--restarts", 1), Value("--scenario"), Number("--lock", 40),
            Number("--write-timeout", 10), Value("--out") ?? "fault-results");
        return options.LockSeconds > options.WriteTimeoutSeconds
            ? options
            : throw new ArgumentException("--lock must be longer than --write-timeout, so that writes time out and answer 503.");
    }
}
