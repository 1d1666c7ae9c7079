using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The first README command: every service in one process on the embedded defaults, showing a real year.</summary>
public sealed class StandaloneTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cybercrime-standalone-").FullName;
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = _data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task It_records_a_demo_year_on_first_start_and_reporting_shows_it_with_no_broker_or_database_installed()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var token = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "hq-reporting" } }, TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => s["headcountParticipants"]!.GetValue<int>() > 0 && s["completions"]!.GetValue<int>() == 86,
            TimeSpan.FromSeconds(60),
            "the demo year in the summary");

        Assert.Equal((86, 12, 7832, 20), (summary["practitionersTrained"]!.GetValue<int>(), summary["countries"]!.GetValue<int>(),
            summary["headcountParticipants"]!.GetValue<int>(), summary["trainTheTrainerGraduates"]!.GetValue<int>()));
        await Eventually.Until(() => Task.FromResult(_host.Output.Contains("Demo year recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
        Assert.True(File.Exists(Path.Combine(_data, "training.db")) && File.Exists(Path.Combine(_data, "reporting.db")));
        // No committed key: the host made its own at first start, beside its data, for its owner only.
        Assert.True(File.Exists(Path.Combine(_data, "secrets", "Auth__SigningKey")) && File.Exists(Path.Combine(_data, "secrets", "Pseudonyms__Key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data, "secrets", "Auth__SigningKey")));
        }
        Assert.Contains("\"practitionersTrained\":86", await Bash.RunAsync(BannerSummaryCommand()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>The banner's summary command: its two lines, which must work as printed.</summary>
    private string BannerSummaryCommand()
    {
        var lines = _host.Output.Split(Environment.NewLine);
        var first = Array.FindIndex(lines, line => line.TrimStart().StartsWith("the summary:", StringComparison.Ordinal));
        Assert.True(first >= 0, _host.Output);
        return lines[first].TrimStart()["the summary:".Length..].Trim() + "\n" + lines[first + 1].Trim();
    }
}
