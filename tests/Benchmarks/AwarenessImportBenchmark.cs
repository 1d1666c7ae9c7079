using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cybercrime.Awareness;
using Cybercrime.Awareness.Observations;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The CSV import of N observation rows into one campaign in one request (validation, the campaign's
/// series, one commit of N observation documents and N outbox events), and the same file sent again
/// (every row unchanged: read, compared, nothing written), against the baseline of writing the same N
/// documents and events straight into a SQLite file in one transaction: the floor the embedded store allows.
/// </summary>
internal static class AwarenessImportBenchmark
{
    public static async Task<BenchmarkResults> RunAsync(BenchmarkOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("cybercrime-bench-awareness-").FullName;
        try
        {
            var csv = Csv(options.Rows);
            var (baseline, import, resend) = (new List<double>(), new List<double>(), new List<double>());
            await using var app = await InProcessHost.StartAsync(folder, AwarenessService.Module);
            using var client = await InProcessHost.ClientAsync(app, "GUA", "office-editor");
            for (var run = 0; run <= options.Runs; run++)
            {
                // Run 0 warms up every path and is not counted.
                var floor = await BaselineAsync(Path.Combine(folder, $"baseline-{run}.db"), options.Rows);
                var campaign = await CampaignAsync(client);
                var imported = await ImportAsync(client, campaign, csv, options.Rows, "recorded");
                var again = await ImportAsync(client, campaign, csv, options.Rows, "unchanged");
                if (run > 0)
                {
                    baseline.Add(floor);
                    import.Add(imported);
                    resend.Add(again);
                }

                Console.WriteLine($"run {run}/{options.Runs}{(run == 0 ? " (warm-up)" : "")}: baseline {floor:0.0} ms, import {imported:0.0} ms, sent again {again:0.0} ms");
            }

            return new BenchmarkResults(
                "awareness-import",
                $"milliseconds for {options.Rows} rows",
                [
                    new BenchmarkRow("baseline: SQLite insert of the same documents", baseline),
                    new BenchmarkRow("import: POST .../observations/import", import),
                    new BenchmarkRow("the same file again (all unchanged)", resend),
                ],
                BenchmarkResults.RunFacts(("rows", options.Rows), ("runs", options.Runs)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> CampaignAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/awareness/campaigns", new
        {
            name = "Navega seguro",
            audiences = new[] { "parents" },
            countries = new[] { "GTM" },
            languages = new[] { "es" },
            channels = new[] { "tv", "twitter" },
            startDate = "2020-01-01",
            endDate = "2020-12-31",
        });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<double> ImportAsync(HttpClient client, string campaign, string csv, int rows, string expected)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync($"/awareness/campaigns/{campaign}/observations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || result.GetProperty(expected).GetInt32() != rows)
        {
            throw new InvalidOperationException($"The import answered {(int)response.StatusCode}: {result}");
        }

        return elapsed;
    }

    /// <summary>The same number of observation documents and events, in the service's own shapes, written directly in one transaction.</summary>
    private static Task<double> BaselineAsync(string file, int rows)
    {
        var campaign = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        return DirectWrite.TimeAsync(file, "$.campaignId", rows, i =>
        {
            var (period, country) = Row(i);
            var observation = new Observation
            {
                Id = Guid.NewGuid().ToString(), Version = 1, Office = "GUA", CampaignId = campaign, Channel = Channel.Tv, Metric = ReachMetric.Views,
                Period = period, Granularity = Granularity.Day, Country = country, Language = "es", Value = 1_000 + i, RecordedAt = now,
            };
            return (observation.Id, observation, observation.Recorded(null, now));
        });
    }

    /// <summary>Daily TV views per country, as a platform export lists them: every row its own key, one series per country.</summary>
    private static (string Period, string Country) Row(int i) =>
        (new DateOnly(2020, 1, 1).AddDays(i % 366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Countries[i / 366 % Countries.Length]);

    private static readonly string[] Countries = [.. IsoCodes.Countries.Order(StringComparer.Ordinal)];

    private static string Csv(int rows)
    {
        var csv = new StringBuilder("channel,metric,period,value,country,language\n");
        for (var i = 0; i < rows; i++)
        {
            var (period, country) = Row(i);
            csv.Append(CultureInfo.InvariantCulture, $"tv,views,{period},{1_000 + i},{country},es\n");
        }

        return csv.ToString();
    }
}
