using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The standalone host's demo year includes evidence requests, and reporting counts them.</summary>
public sealed class EvidenceStandaloneTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cybercrime-standalone-evidence-").FullName;
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = _data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_demo_year_records_evidence_requests_with_dated_steps_and_reporting_summarises_them()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var token = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "hq-reporting" } }, TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/evidence/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => s["requests"]!.GetValue<int>() == 32 && s["turnaroundDays"]!["count"]!.GetValue<int>() == 22,
            TimeSpan.FromSeconds(60),
            $"the demo's evidence requests in the summary; the host said:\n{_host.Output}");

        // Guatemala's 30: 5 refused, 15 granted, 5 withdrawn, 5 still open (long past due); San Salvador's emergency and preservation, granted.
        Assert.Equal((16, 5, 5, 5, 5, 1), (summary["cases"]!.GetValue<int>(), summary["open"]!.GetValue<int>(), summary["overdue"]!.GetValue<int>(),
            summary["byOutcome"]!["withdrawn"]!.GetValue<int>(), summary["byOutcome"]!["refused"]!.GetValue<int>(), summary["emergency"]!["requests"]!.GetValue<int>()));
        await Eventually.Until(() => Task.FromResult(_host.Output.Contains("Demo evidence requests recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
        Assert.True(File.Exists(Path.Combine(_data, "evidence.db")) && File.Exists(Path.Combine(_data, "secrets", "Evidence__CaseKey")));
    }
}
