using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The first README command: every service in one process on the embedded defaults, recording a real
/// demo year of every area on first start. One host serves every test here, as one first start would.
/// </summary>
public sealed class StandaloneTests(StandaloneHost host) : IClassFixture<StandaloneHost>
{
    [Fact]
    public async Task It_records_a_demo_year_on_first_start_and_reporting_shows_it_with_no_broker_or_database_installed()
    {
        using var http = await host.HeadquartersAsync();

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => Figures(s) == (86, 12, 7832, 20, 86),
            TimeSpan.FromSeconds(60),
            "the demo year in the summary");

        Assert.Equal((86, 12, 7832, 20, 86), Figures(summary));
        await Eventually.Until(() => Task.FromResult(host.Process.Output.Contains("Demo year recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
        Assert.True(File.Exists(Path.Combine(host.Data, "training.db")) && File.Exists(Path.Combine(host.Data, "reporting.db")));
        // No committed key: the host made its own at first start, beside its data, for its owner only.
        Assert.True(File.Exists(Path.Combine(host.Data, "secrets", "Auth__SigningKey")) && File.Exists(Path.Combine(host.Data, "secrets", "Pseudonyms__Key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(host.Data, "secrets", "Auth__SigningKey")));
        }
        Assert.Contains("\"practitionersTrained\":86", await Bash.RunAsync(BannerSummaryCommand()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        // Reporting takes each fact as its event comes: the figures are waited for whole, never in part.
        static (int, int, int, int, int) Figures(JsonObject s) => (s["practitionersTrained"]!.GetValue<int>(), s["countries"]!.GetValue<int>(),
            s["headcountParticipants"]!.GetValue<int>(), s["trainTheTrainerGraduates"]!.GetValue<int>(), s["completions"]!.GetValue<int>());
    }

    /// <summary>The banner's summary command: its two lines, which must work as printed.</summary>
    private string BannerSummaryCommand()
    {
        var lines = host.Process.Output.Split(Environment.NewLine);
        var first = Array.FindIndex(lines, line => line.TrimStart().StartsWith("the summary:", StringComparison.Ordinal));
        Assert.True(first >= 0, host.Process.Output);
        return lines[first].TrimStart()["the summary:".Length..].Trim() + "\n" + lines[first + 1].Trim();
    }

    [Fact]
    public async Task The_demo_year_records_evidence_requests_with_dated_steps_and_reporting_summarises_them()
    {
        using var http = await host.HeadquartersAsync();

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/evidence/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => Figures(s) == (32, 22, 16, 5, 5, 5, 5, 1),
            TimeSpan.FromSeconds(60),
            $"the demo's evidence requests in the summary; the host said:\n{host.Process.Output}");

        // Guatemala's 30: 5 refused, 15 granted, 5 withdrawn, 5 still open (long past due); San Salvador's emergency and preservation, granted.
        Assert.Equal((32, 22, 16, 5, 5, 5, 5, 1), Figures(summary));
        await Eventually.Until(() => Task.FromResult(host.Process.Output.Contains("Demo evidence requests recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");
        Assert.True(File.Exists(Path.Combine(host.Data, "evidence.db")) && File.Exists(Path.Combine(host.Data, "secrets", "Evidence__CaseKey")));

        static (int, int, int, int, int, int, int, int) Figures(JsonObject s) => (s["requests"]!.GetValue<int>(), s["turnaroundDays"]!["count"]!.GetValue<int>(),
            s["cases"]!.GetValue<int>(), s["open"]!.GetValue<int>(), s["overdue"]!.GetValue<int>(),
            s["byOutcome"]!["withdrawn"]!.GetValue<int>(), s["byOutcome"]!["refused"]!.GetValue<int>(), s["emergency"]!["requests"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_demo_year_shows_the_campaigns_corrected_views_and_the_activitys_participants()
    {
        using var http = await host.HeadquartersAsync();

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => Figures(s) == (31_300_000, 28_500_000, 2_800_000, 84_000, 830, 3),
            TimeSpan.FromSeconds(60),
            "the awareness demo in the summary");

        // 28.5 million views on TV; 2.8 million on Twitter (corrected from 1.5 to 1.7 million) and LinkedIn.
        Assert.Equal((31_300_000, 28_500_000, 2_800_000, 84_000, 830, 3), Figures(summary));
        Assert.Equal(["Navega seguro: online safety for families"], summary["campaigns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        await Eventually.Until(() => Task.FromResult(host.Process.Output.Contains("Awareness demo recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");

        static (long, long, long, long, long, long) Figures(JsonObject s) => (s["views"]!.GetValue<long>(),
            s["viewsByChannel"]!["tv"]?.GetValue<long>() ?? 0, (s["viewsByChannel"]!["twitter"]?.GetValue<long>() ?? 0) + (s["viewsByChannel"]!["linkedin"]?.GetValue<long>() ?? 0),
            s["byMetric"]!["engagements"]!.GetValue<long>(), s["activityParticipants"]!.GetValue<long>(), s["activityCountries"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_demo_year_holds_the_sixth_meetings_postponement_and_the_published_preliminary_recommendations()
    {
        using var http = await host.HeadquartersAsync();

        var summary = await Eventually.Until(
            async () => (await http.GetFromJsonAsync<JsonObject>("/reporting/expert-group/summary?year=2020", TestContext.Current.CancellationToken))!,
            s => Figures(s) == (1, 2, 1, 2, 0, 1, 1),
            TimeSpan.FromSeconds(60),
            "the expert group's demo year in the summary");

        Assert.Equal((1, 2, 1, 2, 0, 1, 1), Figures(summary));
        var found = (await http.GetFromJsonAsync<JsonObject>("/public/expert-group/documents?symbol=UNODC/CCPCJ/EG.4/2020/2", TestContext.Current.CancellationToken))!;
        var meetingId = (await http.GetFromJsonAsync<JsonObject>($"/public/expert-group/documents/{found["items"]![0]!["id"]}", TestContext.Current.CancellationToken))!["meetingId"]!.GetValue<string>();
        var sixth = (await http.GetFromJsonAsync<JsonObject>($"/public/expert-group/meetings/{meetingId}", TestContext.Current.CancellationToken))!;
        Assert.Equal(("2020-07-27", "2020-07-29", "hybrid", "held"), (sixth["startDate"]!.GetValue<string>(), sixth["endDate"]!.GetValue<string>(),
            sixth["format"]!.GetValue<string>(), sixth["status"]!.GetValue<string>()));
        Assert.Equal(("2020-04-06", "2020-04-08", "in-person"), (sixth["history"]![0]!["startDate"]!.GetValue<string>(), sixth["history"]![0]!["endDate"]!.GetValue<string>(),
            sixth["history"]![0]!["format"]!.GetValue<string>()));
        await Eventually.Until(() => Task.FromResult(host.Process.Output.Contains("Expert-group demo recorded", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the printed summary");

        static (int, int, int, int, int, int, int) Figures(JsonObject s) => (s["documentsPublished"]!.GetValue<int>(), s["recommendations"]!["proposed"]!.GetValue<int>(),
            s["meetingsHeld"]!.GetValue<int>(), s["meetingsPostponed"]!.GetValue<int>(), s["meetingsCancelled"]!.GetValue<int>(),
            s["documentsByType"]!["preliminary-recommendations"]?.GetValue<int>() ?? 0, s["byLanguage"]!["en"]!.GetValue<int>());
    }
}
