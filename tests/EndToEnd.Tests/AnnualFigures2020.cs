using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The 2020 figures as the annual report states them: section, statement and figure name, and the value the report to the Commission gives.</summary>
internal static class AnnualFigures2020
{
    public static readonly (string Section, string Statement, string Figure, double Expected)[] Table =
    [
        ("training", "criminal-justice-practitioners", "practitioners", 2440),
        ("training", "criminal-justice-practitioners", "countries", 64),
        ("training", "cryptocurrency-darknet", "officers", 130),
        ("training", "multi-week-courses", "participants", 1000),
        ("training", "multi-week-courses", "countries", 44),
        ("training", "teachers", "teachers", 5600),
        ("training", "digital-evidence", "officials", 655),
        ("training", "digital-evidence", "countries", 5),
        ("training", "incident-response", "trained", 650),
        ("awareness", "activities", "participants", 24400),
        ("awareness", "webinars", "participants", 7832),
        ("awareness", "webinars", "countries", 15),
        ("awareness", "most-viewed-campaign", "views", 28_500_000),
        ("awareness", "twitter-linkedin", "views", 2_800_000),
        ("expert-group", "meetings", "held", 1),
        ("expert-group", "meetings", "postponed", 1),
    ];

    /// <summary>Every figure of the table not as the report states it, written out; empty when all are.</summary>
    public static async Task<string> MismatchesAsync(HttpClient hq)
    {
        var report = (await hq.GetFromJsonAsync<JsonObject>("/reporting/annual/2020", TestContext.Current.CancellationToken))!;
        var stated = report["sections"]!.AsArray()
            .SelectMany(s => s!["statements"]!.AsArray().SelectMany(t => t!["figures"]!.AsArray().Select(f => (
                Key: (s["id"]!.GetValue<string>(), t["id"]!.GetValue<string>(), f!["name"]!.GetValue<string>()), Value: f["value"]!.GetValue<double>()))))
            .ToDictionary(f => f.Key, f => f.Value);
        var text = report.ToJsonString();
        var wrong = Table
            .Where(f => stated.GetValueOrDefault((f.Section, f.Statement, f.Figure), double.NaN) != f.Expected)
            .Select(f => $"{f.Section}/{f.Statement}/{f.Figure}: {stated.GetValueOrDefault((f.Section, f.Statement, f.Figure), double.NaN).ToString(CultureInfo.InvariantCulture)}, not {f.Expected}")
            .ToList();
        if (!text.Contains("UNODC/CCPCJ/EG.4/2020/2", StringComparison.Ordinal))
        {
            wrong.Add("the documents statement does not name UNODC/CCPCJ/EG.4/2020/2");
        }

        return string.Join("; ", wrong);
    }
}
