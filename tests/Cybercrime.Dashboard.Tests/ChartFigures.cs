using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Cybercrime.Dashboard.Tests;

/// <summary>Figures per dataset: dataset label → (category label → value). Categories without a value are left out.</summary>
internal sealed record Figures(SortedDictionary<string, SortedDictionary<string, double>> ByDataset)
{
    /// <summary>No category, or only zeros.</summary>
    public bool ShowsNothing => ByDataset.Values.All(v => v.Values.All(value => value == 0));

    public override string ToString() =>
        string.Join("; ", ByDataset.Select(d => $"{d.Key}: {string.Join(", ", d.Value.Select(v => $"{v.Key}={v.Value}"))}"));

    public static Figures Of(params (string Dataset, IEnumerable<(string Label, double? Value)> Values)[] datasets)
    {
        var figures = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (dataset, values) in datasets)
        {
            var series = figures.TryGetValue(dataset, out var existing) ? existing : figures[dataset] = new(StringComparer.Ordinal);
            foreach (var (label, value) in values)
            {
                if (value is { } v)
                {
                    series[label] = v;
                }
            }
        }

        return new Figures(figures);
    }

    public bool SameAs(Figures other) =>
        ByDataset.Keys.SequenceEqual(other.ByDataset.Keys) && ByDataset.All(d => d.Value.SequenceEqual(other.ByDataset[d.Key]));
}

/// <summary>What each chart must show, computed here from the summaries' JSON; and what the page shows, read back from Chart.js and from the tables.</summary>
internal static class ChartFigures
{
    public static readonly string[] Charts =
    [
        "training-topic", "training-region", "training-gender", "training-country", "evidence-turnaround",
        "awareness-views-over-time", "awareness-views-by-channel", "recommendations-status", "recommendations-chapter",
    ];

    /// <summary>The chart's figures as the API gives them. <paramref name="inTable"/>: the table also holds the columns only tables show.</summary>
    public static Figures Expected(string chart, IReadOnlyDictionary<string, JsonObject> summaries, bool inTable)
    {
        var training = summaries["training"];
        return chart switch
        {
            "training-topic" => Figures.Of(("practitioners", Counts(training["byTopic"]))),
            "training-region" => Figures.Of(("practitioners", Counts(training["byRegion"]))),
            "training-gender" => Figures.Of(("practitioners", Counts(training["byGender"]))),
            "training-country" => Figures.Of(("practitioners", Counts(training["byCountry"]))),
            "evidence-turnaround" => Turnaround(summaries["evidence"]["turnaroundByAddressee"]!.AsObject(), inTable),
            "awareness-views-over-time" => Figures.Of([.. (summaries["awareness"]["viewsByPeriod"]?.AsArray() ?? [])
                .GroupBy(row => row!["channel"]!.GetValue<string>())
                .Select(channel => (channel.Key, channel.Select(row => (row!["period"]!.GetValue<string>(), (double?)row["views"]!.GetValue<double>()))))]),
            "awareness-views-by-channel" => Figures.Of(("views", Counts(summaries["awareness"]["viewsByChannel"]))),
            "recommendations-status" => Figures.Of(("recommendations", Counts(summaries["expert-group"]["recommendations"]))),
            "recommendations-chapter" => ByChapter(summaries["expert-group"]["recommendationsByChapterAndStatus"]?.AsObject()),
            _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "No such chart."),
        };
    }

    private static IEnumerable<(string, double?)> Counts(JsonNode? counts) =>
        counts?.AsObject().Select(pair => (pair.Key, (double?)pair.Value!.GetValue<double>())) ?? [];

    private static Figures Turnaround(JsonObject byAddressee, bool inTable)
    {
        IEnumerable<(string, double?)> Of(string field) => byAddressee.Select(pair => (pair.Key, pair.Value![field]?.GetValue<double>()));
        return inTable
            ? Figures.Of(("median days", Of("median")), ("90th percentile days", Of("p90")), ("requests decided", Of("count")))
            : Figures.Of(("median days", Of("median")), ("90th percentile days", Of("p90")));
    }

    private static Figures ByChapter(JsonObject? chapters) =>
        Figures.Of([.. new[] { "proposed", "adopted", "withdrawn" }.Select(status =>
            (status, (chapters ?? []).Select(chapter => (chapter.Key, (double?)chapter.Value![status]!.GetValue<double>()))))]);

    private const string ReadPage = """
        () => [...document.querySelectorAll('[data-chart]')].map(figure => {
          const chart = Chart.getChart(figure.querySelector('canvas'));
          const table = figure.querySelector('table');
          return {
            id: figure.dataset.chart,
            title: figure.querySelector('figcaption').textContent,
            caption: table.caption.textContent,
            labels: chart.data.labels,
            datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })),
            columns: [...table.tHead.rows[0].cells].map(c => c.textContent),
            rows: [...table.tBodies[0].rows].filter(r => r.cells.length > 1).map(r => [...r.cells].map(c => c.textContent)),
          };
        })
        """;

    /// <summary>Each chart on the page: its title, its table's caption, its figures in Chart.js and in its table.</summary>
    public static async Task<IReadOnlyList<(string Id, string Title, string Caption, Figures Chart, Figures Table)>> ReadAsync(IPage page)
    {
        var charts = await page.EvaluateAsync<JsonElement>(ReadPage);
        return [.. charts.EnumerateArray().Select(chart =>
        {
            var labels = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
            var drawn = Figures.Of([.. chart.GetProperty("datasets").EnumerateArray().Select(d => (
                d.GetProperty("label").GetString()!,
                d.GetProperty("data").EnumerateArray().Select((v, i) => (labels[i], v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()))))]);
            var columns = chart.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var rows = chart.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
            var tabled = Figures.Of([.. columns.Skip(1).Select((column, i) => (column, rows.Select(row => (row[0], Number(row[i + 1])))))]);
            return (chart.GetProperty("id").GetString()!, chart.GetProperty("title").GetString()!, chart.GetProperty("caption").GetString()!, drawn, tabled);
        })];
    }

    /// <summary>A table cell as a person reads it ("28,500,000", "12.5", "–" for none) back to its number.</summary>
    private static double? Number(string cell) =>
        cell == "–" ? null : double.Parse(cell.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
}
