using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The standalone host's demo year holds the expert group's 2020: the sixth meeting's postponement and the preliminary recommendations.</summary>
public sealed class ExpertGroupStandaloneTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cybercrime-standalone-eg-").FullName;
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = _data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_demo_year_holds_the_sixth_meetings_postponement_and_the_published_preliminary_recommendations()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var token = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "hq-reporting" } }, TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/expert-group/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => s["documentsPublished"]!.GetValue<int>() == 1 && s["recommendations"]!["proposed"]!.GetValue<int>() == 2,
            TimeSpan.FromSeconds(60),
            "the expert group's demo year in the summary");

        Assert.Equal((1, 2, 0, 1, 1), (summary["meetingsHeld"]!.GetValue<int>(), summary["meetingsPostponed"]!.GetValue<int>(), summary["meetingsCancelled"]!.GetValue<int>(),
            summary["documentsByType"]!["preliminary-recommendations"]!.GetValue<int>(), summary["byLanguage"]!["en"]!.GetValue<int>()));
        var found = (await http.GetFromJsonAsync<JsonObject>("/public/expert-group/documents?symbol=UNODC/CCPCJ/EG.4/2020/2", TestContext.Current.CancellationToken))!;
        var meetingId = (await http.GetFromJsonAsync<JsonObject>($"/public/expert-group/documents/{found["items"]![0]!["id"]}", TestContext.Current.CancellationToken))!["meetingId"]!.GetValue<string>();
        var sixth = (await http.GetFromJsonAsync<JsonObject>($"/public/expert-group/meetings/{meetingId}", TestContext.Current.CancellationToken))!;
        Assert.Equal(("2020-07-27", "2020-07-29", "hybrid", "held"), (sixth["startDate"]!.GetValue<string>(), sixth["endDate"]!.GetValue<string>(),
            sixth["format"]!.GetValue<string>(), sixth["status"]!.GetValue<string>()));
        Assert.Equal(("2020-04-06", "2020-04-08", "in-person"), (sixth["history"]![0]!["startDate"]!.GetValue<string>(), sixth["history"]![0]!["endDate"]!.GetValue<string>(),
            sixth["history"]![0]!["format"]!.GetValue<string>()));
        await Eventually.Until(() => Task.FromResult(_host.Output.Contains("Expert-group demo recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
    }
}
