using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.TestSupport;
using Cybercrime.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The CSV import of N registrations in one request (validation, enrolment rules, one commit of N
/// documents and N outbox events), against the baseline of writing the same N documents and events
/// straight into a SQLite file in one transaction: the floor the embedded store allows.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<BenchmarkResults> RunAsync(BenchmarkOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("cybercrime-bench-import-").FullName;
        try
        {
            var csv = Csv(options.Rows);
            var baseline = new List<double>();
            var import = new List<double>();
            await using var app = await InProcessHost.StartAsync(folder, TrainingService.Module);
            using var client = await InProcessHost.ClientAsync(app, "GUA", "office-editor");
            for (var run = 0; run <= options.Runs; run++)
            {
                // Run 0 warms up both paths and is not counted.
                var floor = await BaselineAsync(Path.Combine(folder, $"baseline-{run}.db"), options.Rows);
                var imported = await ImportAsync(client, csv, options.Rows);
                if (run > 0)
                {
                    baseline.Add(floor);
                    import.Add(imported);
                }

                Console.WriteLine($"run {run}/{options.Runs}{(run == 0 ? " (warm-up)" : "")}: baseline {floor:0.0} ms, import {imported:0.0} ms");
            }

            return new BenchmarkResults(
                "import",
                $"milliseconds for {options.Rows} rows",
                [new BenchmarkRow("baseline: SQLite insert of the same documents", baseline), new BenchmarkRow("import: POST .../registrations/import", import)],
                BenchmarkResults.RunFacts(("rows", options.Rows), ("runs", options.Runs)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> ImportAsync(HttpClient client, string csv, int rows)
    {
        var session = await client.PostAsJsonAsync("/training/sessions", new
        {
            title = "Teachers' prevention course",
            topics = new[] { "prevention" },
            format = "multi-week-course",
            languages = new[] { "es" },
            startDate = "2020-03-02",
            endDate = "2020-05-22",
        });
        var id = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync($"/training/sessions/{id}/registrations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || result.GetProperty("registered").GetInt32() != rows)
        {
            throw new InvalidOperationException($"The import answered {(int)response.StatusCode}: {result}");
        }

        return elapsed;
    }

    /// <summary>The same number of registration-sized documents and events, written directly in one transaction.</summary>
    private static Task<double> BaselineAsync(string file, int rows)
    {
        var sessionId = Guid.NewGuid();
        return DirectWrite.TimeAsync(file, "$.sessionId", rows, _ =>
        {
            var snapshot = new ParticipationSnapshot(sessionId, Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Education, "teacher", EnrolmentStatus.Registered);
            var registered = new ParticipantRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1, snapshot);
            return (registered.RegistrationId.ToString(), snapshot, registered);
        });
    }

    private static string Csv(int rows)
    {
        var csv = new StringBuilder("externalRef,gender,countryCode,agencyType,role\n");
        string[] countries = ["GTM", "HND", "SLV"];
        for (var i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"teacher-{i:00000},{(i % 3 == 0 ? "male" : "female")},{countries[i % 3]},education,teacher\n");
        }

        return csv.ToString();
    }
}
