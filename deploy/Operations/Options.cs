using System.Globalization;

namespace Cybercrime.Operations;

/// <summary>What the rebuild command was told: where reporting answers, as whom, and how long to wait.</summary>
internal sealed record Options(Uri Url, string? Token, TimeSpan Timeout)
{
    public static bool TryParse(IReadOnlyList<string> args, out Options options, out string? problem)
    {
        options = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || args[i] is not ("--url" or "--token" or "--timeout"))
            {
                problem = $"Unexpected argument '{args[i]}'.";
                return false;
            }

            values[args[i]] = args[i + 1];
        }

        if (!values.TryGetValue("--url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            problem = "--url must be reporting's absolute http(s) base address, e.g. http://localhost:5000.";
            return false;
        }

        var seconds = 600;
        if (values.TryGetValue("--timeout", out var timeout) && (!int.TryParse(timeout, CultureInfo.InvariantCulture, out seconds) || seconds < 1))
        {
            problem = "--timeout must be a whole number of seconds, at least 1.";
            return false;
        }

        options = new Options(uri, values.GetValueOrDefault("--token"), TimeSpan.FromSeconds(seconds));
        problem = null;
        return true;
    }
}
