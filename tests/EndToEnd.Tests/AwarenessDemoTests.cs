using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The standalone host's demo year includes a campaign, its corrected figures and an activity, as reporting shows them.</summary>
public sealed class AwarenessDemoTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cybercrime-standalone-awareness-").FullName;
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = _data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_demo_year_shows_the_campaigns_corrected_views_and_the_activitys_participants()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var token = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "hq-reporting" } }, TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => s["activityParticipants"]!.GetValue<long>() > 0 && s["views"]!.GetValue<long>() == 31_300_000,
            TimeSpan.FromSeconds(60),
            "the awareness demo in the summary");

        // 28.5 million views on TV; 2.8 million on Twitter (corrected from 1.5 to 1.7 million) and LinkedIn.
        Assert.Equal(
            (28_500_000, 2_800_000, 84_000, 830, 3),
            (summary["viewsByChannel"]!["tv"]!.GetValue<long>(), summary["viewsByChannel"]!["twitter"]!.GetValue<long>() + summary["viewsByChannel"]!["linkedin"]!.GetValue<long>(),
                summary["byMetric"]!["engagements"]!.GetValue<long>(), summary["activityParticipants"]!.GetValue<long>(), summary["activityCountries"]!.GetValue<long>()));
        Assert.Equal(["Navega seguro: online safety for families"], summary["campaigns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        await Eventually.Until(() => Task.FromResult(_host.Output.Contains("Awareness demo recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
    }
}
