using System.Diagnostics;
using System.Text.RegularExpressions;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The README's "Try it" block, run as written (only its URL pointed at the host this test started)
/// against the standalone host on a first start, demo year included: its answer must be the one the
/// README shows.
/// </summary>
public sealed partial class ReadmeTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cybercrime-readme-").FullName;
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = _data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Try_it_answers_what_the_readme_shows_on_a_first_start()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"), TestContext.Current.CancellationToken);
        var tryIt = readme[readme.IndexOf("## Try it", StringComparison.Ordinal)..];
        var script = BashBlock().Match(tryIt).Groups[1].Value;
        Assert.Contains("URL=http://localhost:5080\n", script, StringComparison.Ordinal);
        var shown = ShownAnswer().Match(script);
        Assert.True(shown.Success, "The block shows the summary it answers, as a comment ending in ...}.");

        var output = await Bash.RunAsync(script.Replace("URL=http://localhost:5080", $"URL={_host.BaseAddress.ToString().TrimEnd('/')}", StringComparison.Ordinal));

        Assert.Contains(shown.Groups[1].Value, output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    /// <summary>A comment line showing the start of a JSON answer: <c># {"year":2021,...}</c>.</summary>
    [GeneratedRegex(@"^# (\{.*?),\.\.\.\}$", RegexOptions.Multiline)]
    private static partial Regex ShownAnswer();
}

/// <summary>Runs a shell script as a reader would paste it, with a deadline.</summary>
internal static class Bash
{
    public static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The script ran for more than 60 s. Output so far: {await output}{await errors}");
        }

        Assert.True(process.ExitCode == 0, $"The script exited with {process.ExitCode}: {await output}{await errors}");
        return await output;
    }
}
