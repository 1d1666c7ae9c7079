using System.Diagnostics;
using System.Text.RegularExpressions;
using Cybercrime.TestSupport;

namespace Cybercrime.Deployment.Tests;

/// <summary>
/// Finds secret values written into files: a setting named like a key (signing key, pseudonym key,
/// HMAC or API key, secret) given a literal of 16 characters or more. References are fine:
/// <c>${SIGNING_KEY:?…}</c> in compose, <c>secretKeyRef</c> in Kubernetes, values from configuration.
/// </summary>
internal static partial class SecretScanner
{
    public static IEnumerable<string> Findings(string file, string text) =>
        text.ReplaceLineEndings("\n").Split('\n')
            .Select((line, index) => (line, number: index + 1))
            .Where(l => Assignment().IsMatch(l.line) || InlineEnv().IsMatch(l.line))
            .Select(l => $"{file}:{l.number}: {l.line.Trim()}");

    /// <summary>The files git tracks in the repository (what a commit would publish).</summary>
    public static IReadOnlyList<string> TrackedFiles()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", RepositoryRoot.Path, "ls-files", "-z"]) { RedirectStandardOutput = true })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : throw new InvalidOperationException($"git ls-files failed in {RepositoryRoot.Path}.");
    }

    // SigningKey": "…", ["Auth:SigningKey"] = "…", Pseudonyms__Key: …, HMAC_KEY=…
    [GeneratedRegex("""(?i)(signing_?key|pseudonyms?(:|_{1,2})key|(secret|hmac|api|reference)_?key|client_?secret)["']?\]?\s*[:=]\s*["']?(?!\$\{)[A-Za-z0-9+/=_\-]{16,}""")]
    private static partial Regex Assignment();

    // Kubernetes: - { name: Auth__SigningKey, value: … }
    [GeneratedRegex("""(?i)name:\s*\S*(key|secret)\S*\s*,\s*value:\s*["']?(?!\$)\S{16,}""")]
    private static partial Regex InlineEnv();
}
