using System.Text.Json.Nodes;
using Cybercrime.TestSupport;
using Microsoft.Playwright;

namespace Cybercrime.Dashboard.Tests;

/// <summary>
/// The dashboard in a real headless browser against reporting on a real port: signed in with the
/// development button, every chart and its table show exactly what the summaries answer, for each filter.
/// </summary>
public sealed class DashboardBrowserTests(Chromium chromium) : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly ReportingOnKestrel _reporting = new();

    public async ValueTask DisposeAsync() => await _reporting.DisposeAsync();

    [Fact]
    public async Task Every_chart_and_its_table_show_the_summaries_figures_and_follow_the_filters()
    {
        Chromium.SkipWhenMissing();
        using var hq = await _reporting.ClientAsync(null, "hq-reporting");
        await _reporting.PublishAsync(YearOfFacts.Events());
        await Eventually.Until(async () => await CountedAsync(hq), Deadline, "reporting to count every published fact");
        var (page, errors) = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(_reporting.Url, "/reporting/dashboard?year=2020").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Development sign-in" }).ClickAsync();
        await Chromium.ReadyAsync(page, "year=2020");
        var all = await AssertChartsShowTheSummariesAsync(page, hq, "year=2020", everyChartHasFigures: true);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Artifacts, "dashboard-2020.png"), FullPage = true });

        await page.Locator("#office").SelectOptionAsync("BKK");
        await Chromium.ReadyAsync(page, "year=2020&office=BKK");
        var bangkok = await AssertChartsShowTheSummariesAsync(page, hq, "year=2020&office=BKK", everyChartHasFigures: false);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Artifacts, "dashboard-2020-BKK.png"), FullPage = true });

        await page.Locator("#year").FillAsync("2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Chromium.ReadyAsync(page, "year=2021&office=BKK");
        var nextYear = await AssertChartsShowTheSummariesAsync(page, hq, "year=2021&office=BKK", everyChartHasFigures: false);

        // The office filter narrows every office-bound chart; the Expert Group's are the programme's whole.
        foreach (var chart in ChartFigures.Charts.Where(c => !c.StartsWith("recommendations", StringComparison.Ordinal)))
        {
            Assert.False(all[chart].SameAs(bangkok[chart]), $"{chart} did not change with the office filter");
        }

        Assert.All(nextYear.Values, figures => Assert.True(figures.ShowsNothing));
        Assert.Equal("year=2021&office=BKK", new Uri(page.Url).Query.TrimStart('?'));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Development sign-in" }).IsVisibleAsync());
        Assert.True(await page.Locator("#dashboard").IsHiddenAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cybercrime.dashboard.token')"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_token_the_service_refuses_sends_the_page_back_to_the_sign_in_and_is_forgotten()
    {
        Chromium.SkipWhenMissing();
        var (page, _) = await chromium.NewPageAsync();
        // A token left from another host (another signing key): the summaries answer 401.
        await page.Context.AddInitScriptAsync("sessionStorage.setItem('cybercrime.dashboard.token', 'a.token-signed.elsewhere')");

        await page.GotoAsync(new Uri(_reporting.Url, "/reporting/dashboard?year=2020").ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.state === 'signed-out'");

        Assert.Equal("Your sign-in has ended or was refused: sign in again.", await page.Locator("#message").TextContentAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Development sign-in" }).IsVisibleAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cybercrime.dashboard.token')"));
    }

    /// <summary>Every figure the summaries give, read back from each chart's Chart.js object and from its table.</summary>
    private static async Task<Dictionary<string, Figures>> AssertChartsShowTheSummariesAsync(IPage page, HttpClient hq, string query, bool everyChartHasFigures)
    {
        var expertGroupQuery = query.Split('&')[0];
        var summaries = new Dictionary<string, JsonObject>
        {
            ["training"] = await ReportingOnKestrel.GetAsync(hq, $"/reporting/training/summary?{query}"),
            ["evidence"] = await ReportingOnKestrel.GetAsync(hq, $"/reporting/evidence/summary?{query}"),
            ["awareness"] = await ReportingOnKestrel.GetAsync(hq, $"/reporting/awareness/summary?{query}"),
            ["expert-group"] = await ReportingOnKestrel.GetAsync(hq, $"/reporting/expert-group/summary?{expertGroupQuery}"),
        };
        var charts = await ChartFigures.ReadAsync(page);

        Assert.Equal(ChartFigures.Charts.Order(StringComparer.Ordinal), charts.Select(c => c.Id).Order(StringComparer.Ordinal));
        var drawn = new Dictionary<string, Figures>();
        foreach (var (id, title, caption, chart, table) in charts)
        {
            var expected = ChartFigures.Expected(id, summaries, inTable: false);
            Assert.True(expected.SameAs(chart), $"{id} ({query}) draws {chart}, the API gives {expected}");
            var expectedTable = ChartFigures.Expected(id, summaries, inTable: true);
            Assert.True(expectedTable.SameAs(table), $"{id} ({query}) tables {table}, the API gives {expectedTable}");
            Assert.Equal(title, caption);
            Assert.False(everyChartHasFigures && chart.ShowsNothing, $"{id} ({query}) has no figures to show");
            drawn[id] = chart;
        }

        return drawn;
    }

    private static async Task<bool> CountedAsync(HttpClient hq)
    {
        var training = await ReportingOnKestrel.GetAsync(hq, "/reporting/training/summary?year=2020");
        var evidence = await ReportingOnKestrel.GetAsync(hq, "/reporting/evidence/summary?year=2020");
        var awareness = await ReportingOnKestrel.GetAsync(hq, "/reporting/awareness/summary?year=2020");
        var expertGroup = await ReportingOnKestrel.GetAsync(hq, "/reporting/expert-group/summary?year=2020");
        return training["completions"]!.GetValue<int>() == 14
            && evidence["turnaroundDays"]!["count"]!.GetValue<int>() == 4
            && awareness["views"]!.GetValue<long>() == 32_830_000
            && expertGroup["meetingsHeld"]!.GetValue<int>() == 1
            && expertGroup["recommendations"]!["proposed"]!.GetValue<int>() == 5;
    }
}
