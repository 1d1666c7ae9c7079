using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Reporting;
using Cybercrime.TestSupport;
using Cybercrime.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The reads the store now does, over HTTP to each service hosted in this process on SQLite:
/// the training summary over N participations against a hand-written SQL aggregate of the same figures
/// over the same rows; <c>GET /training/sessions/{id}</c> at 100 registrations against the same at N;
/// a page of sessions of an office of 100 against the same of an office of N.
/// </summary>
internal static class QueriesBenchmark
{
    private const int Small = 100;

    public static async Task<QueriesResults> RunAsync(BenchmarkOptions options)
    {
        // --smoke: tiny volumes that only prove every step still runs.
        var (participations, registrations, sessions, runs) = options.Smoke
            ? (2_000, 1_000, 1_000, 1)
            : (options.Participations, options.Registrations, options.Sessions, options.Runs);
        var folder = Directory.CreateTempSubdirectory("cybercrime-bench-queries-").FullName;
        try
        {
            Comparison summary;
            await using (var reporting = await InProcessHost.StartAsync(Path.Combine(folder, "reporting"), ReportingService.Module))
            {
                Console.WriteLine($"writing {participations} participations of {QueriesSeed.SessionsFor(participations)} sessions into reporting…");
                var clock = Stopwatch.StartNew();
                await QueriesSeed.FactsAsync(reporting, participations);
                Console.WriteLine($"written in {clock.Elapsed.TotalSeconds:0} s");
                using var hq = await InProcessHost.ClientAsync(reporting, null, "hq-reporting");
                var file = Path.Combine(folder, "reporting", "reporting.db");
                summary = await CompareAsync(
                    "baseline: hand-written SQL aggregate of the same figures", () => QueriesSeed.HandWrittenSummaryAsync(file),
                    $"GET /reporting/training/summary ({participations} participations)", () => GetAsync(hq, "/reporting/training/summary?year=2020"),
                    runs);
            }

            await using var training = await InProcessHost.StartAsync(Path.Combine(folder, "training"), TrainingService.Module);
            using var gua = await InProcessHost.ClientAsync(training, "GUA", "office-editor");
            using var dkr = await InProcessHost.ClientAsync(training, "DKR", "office-editor");
            using var nbo = await InProcessHost.ClientAsync(training, "NBO", "office-editor");
            var trainingFile = Path.Combine(folder, "training", "training.db");
            Console.WriteLine($"writing sessions of {Small} and {registrations} registrations, offices of {Small} and {sessions} sessions into training…");
            var (few, many) = await QueriesSeed.RegistrationsAsync(gua, trainingFile, Small, registrations);
            await QueriesSeed.SessionsAsync(dkr, trainingFile, "DKR", Small);
            await QueriesSeed.SessionsAsync(nbo, trainingFile, "NBO", sessions);
            await ExpectAsync(gua, $"/training/sessions/{many}", r => r.GetProperty("enrolments").EnumerateObject().Sum(e => e.Value.GetInt32()), registrations);
            await ExpectAsync(nbo, "/training/sessions?page=2&pageSize=20", r => r.GetProperty("total").GetInt32(), sessions);
            var session = await CompareAsync(
                $"baseline: GET /training/sessions/{{id}} ({Small} registrations)", () => GetAsync(gua, $"/training/sessions/{few}"),
                $"GET /training/sessions/{{id}} ({registrations} registrations)", () => GetAsync(gua, $"/training/sessions/{many}"),
                runs * 10);
            var page = await CompareAsync(
                $"baseline: GET /training/sessions (office of {Small})", () => GetAsync(dkr, "/training/sessions?page=2&pageSize=20"),
                $"GET /training/sessions (office of {sessions})", () => GetAsync(nbo, "/training/sessions?page=2&pageSize=20"),
                runs * 10);

            return new QueriesResults(summary, session, page, BenchmarkResults.RunFacts(("participations", participations), ("registrations", registrations), ("sessions", sessions), ("runs", runs)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Run 0 warms both up and is not counted; then baseline and measured alternate, so that drift hits both alike.</summary>
    private static async Task<Comparison> CompareAsync(string baselineName, Func<Task> baseline, string measuredName, Func<Task> measured, int runs)
    {
        List<double> baselineMs = [], measuredMs = [], allocated = [];
        for (var run = 0; run <= runs; run++)
        {
            var (floor, _) = await MeasureAsync(baseline);
            var (time, bytes) = await MeasureAsync(measured);
            if (run > 0)
            {
                baselineMs.Add(floor);
                measuredMs.Add(time);
                allocated.Add(bytes / (1024.0 * 1024.0));
            }
        }

        var comparison = new Comparison(baselineName, measuredName, baselineMs, measuredMs, allocated);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measuredName}: {Comparison.Median(measuredMs):0.00} ms, {comparison.Ratio:0.00}× baseline"));
        return comparison;
    }

    /// <summary>Elapsed time, and bytes allocated in this process meanwhile (the client's share included: an upper bound).</summary>
    private static async Task<(double Ms, long Bytes)> MeasureAsync(Func<Task> call)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await call();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>Checks that a read answers what the seed wrote, so that what is measured is a right answer.</summary>
    private static async Task ExpectAsync(HttpClient client, string path, Func<JsonElement, int> figure, int expected)
    {
        var actual = figure(await client.GetFromJsonAsync<JsonElement>(path));
        if (actual != expected)
        {
            throw new InvalidOperationException($"GET {path} answered {actual}, where the seed wrote {expected}.");
        }
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
    }
}
