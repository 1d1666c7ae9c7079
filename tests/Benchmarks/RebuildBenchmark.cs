using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cybercrime.Contracts.Training;
using Cybercrime.Reporting;
using Cybercrime.TestSupport;
using Cybercrime.Training;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Benchmarks;

/// <summary>
/// A rebuild of reporting from a training store of N registrations (facts emptied, every session and
/// registration read page by page, restated over RabbitMQ and applied) in aggregates per second, against
/// the baseline measured in the same run: reporting draining N live registration events published at once,
/// in events per second. Training and reporting share one process and a virtual host of their own.
/// </summary>
internal static class RebuildBenchmark
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<BenchmarkResults> RunAsync(BenchmarkOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("cybercrime-bench-rebuild-").FullName;
        try
        {
            await using var broker = await TestBroker.CreateVirtualHostAsync("bench-rebuild");
            await using var app = await InProcessHost.StartAsync(folder, [TrainingService.Module, ReportingService.Module], new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = broker.Amqp.ToString(),
                ["Reporting:RebuildAreas"] = "training",
            });
            using var office = await InProcessHost.ClientAsync(app, "GUA", "office-editor");
            using var hq = await InProcessHost.ClientAsync(app, null, "hq-reporting");
            using var operations = await InProcessHost.ClientAsync(app, null, "operations");
            var session = await SeedAsync(office, options.Rows);
            await ParticipationsAsync(hq, options.Rows);

            var (drain, rebuild) = (new List<double>(), new List<double>());
            for (var run = 0; run <= options.Runs; run++)
            {
                // Run 0 warms up both paths and is not counted.
                var drained = await DrainAsync(app.Services.GetRequiredService<IBus>(), hq, session, options.Rows);
                var rebuilt = await RebuildAsync(operations, hq, options.Rows);
                if (run > 0)
                {
                    drain.Add(drained);
                    rebuild.Add(rebuilt);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}/{options.Runs}{(run == 0 ? " (warm-up)" : "")}: drain {drained:0} events/s, rebuild {rebuilt:0} aggregates/s"));
            }

            await app.StopAsync();
            return new BenchmarkResults(
                "rebuild",
                $"per second, {options.Rows} registrations and their session",
                [new BenchmarkRow("baseline: reporting drains N live events", drain), new BenchmarkRow("rebuild: aggregates restated and applied", rebuild)],
                BenchmarkResults.RunFacts(("rows", options.Rows), ("runs", options.Runs)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>N live registrations of people training never saw, published at once; events per second until reporting holds them all.</summary>
    private static async Task<double> DrainAsync(IBus bus, HttpClient hq, Guid session, int rows)
    {
        var clock = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(_ => bus.Publish(new ParticipantRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
                new ParticipationSnapshot(session, Guid.NewGuid(), Gender.Male, "HND", AgencyType.Education, null, EnrolmentStatus.Registered)))));
        }

        await ParticipationsAsync(hq, 2 * rows);
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A rebuild from the training store, which holds N registrations and their session: aggregates per second until done.</summary>
    private static async Task<double> RebuildAsync(HttpClient operations, HttpClient hq, int rows)
    {
        var clock = Stopwatch.StartNew();
        var started = await operations.PostAsync("/reporting/rebuilds", null);
        var href = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("href").GetString()!;
        var progress = await Until(async () => await operations.GetFromJsonAsync<JsonElement>(href), p => p.GetProperty("done").GetBoolean(), "the rebuild");
        var seconds = clock.Elapsed.TotalSeconds;
        var restated = progress.GetProperty("areas").GetProperty("training").GetProperty("announced").GetInt64();
        await ParticipationsAsync(hq, rows);
        return restated != rows + 1 ? throw new InvalidOperationException($"Training restated {restated} aggregates, not {rows + 1}.") : restated / seconds;
    }

    private static async Task<Guid> SeedAsync(HttpClient office, int rows)
    {
        var session = await office.PostAsJsonAsync("/training/sessions", new
        {
            title = "Teachers' prevention course",
            topics = new[] { "prevention" },
            format = "multi-week-course",
            languages = new[] { "es" },
            startDate = "2020-03-02",
            endDate = "2020-05-22",
        });
        var id = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = new StringBuilder("externalRef,gender,countryCode,agencyType,role\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"teacher-{i:000000},female,GTM,education,teacher\n");
        }

        var imported = await office.PostAsync($"/training/sessions/{id}/registrations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        return imported.IsSuccessStatusCode ? id : throw new InvalidOperationException($"The import answered {(int)imported.StatusCode}.");
    }

    /// <summary>Waits until reporting counts exactly <paramref name="count"/> participations in 2020.</summary>
    private static Task<JsonElement> ParticipationsAsync(HttpClient hq, int count) => Until(
        async () => await hq.GetFromJsonAsync<JsonElement>("/reporting/training/summary?year=2020"),
        summary => summary.GetProperty("participations").GetInt32() == count,
        $"{count} participations");

    private static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var until = Stopwatch.StartNew();
        var last = await probe();
        while (!done(last))
        {
            if (until.Elapsed > Deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
            }

            await Task.Delay(20);
            last = await probe();
        }

        return last;
    }
}
