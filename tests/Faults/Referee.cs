using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cybercrime.Faults;

/// <summary>What reporting shows: <c>participations</c>, <c>completions</c>, <c>practitionersTrained</c>.</summary>
internal sealed record Figures(long Participations, long Completions, long Practitioners)
{
    public static readonly Figures Unknown = new(-1, -1, -1);

    public bool Match(Driver driver) => Participations == driver.Registered && Completions == driver.Completed && Practitioners == driver.Completed;

    public long Lost(Driver driver) => Math.Max(0, Math.Max(driver.Registered - Participations, Math.Max(driver.Completed - Completions, driver.Completed - Practitioners)));

    public long Doubled(Driver driver) => Math.Max(0, Math.Max(Participations - driver.Registered, Math.Max(Completions - driver.Completed, Practitioners - driver.Completed)));
}

/// <summary>Waits for quiet, with a deadline, and compares what reporting shows with what the driver had acknowledged.</summary>
internal sealed class Referee(FaultPipeline pipeline, Uri broker, TimeSpan deadline)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Quiet: reporting shows exactly what was acknowledged and its queue is empty, four polls running
    /// (so that a late duplicate still shows). Returns the last figures and when they first matched.
    /// </summary>
    public async Task<(Figures Figures, TimeSpan? MatchedAfter)> QuietAsync(Driver driver, Stopwatch since)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? matched = null;
        var steady = 0;
        var figures = Figures.Unknown;
        while (clock.Elapsed < deadline)
        {
            figures = await FiguresAsync();
            var match = figures.Match(driver);
            matched ??= match ? since.Elapsed : null;
            steady = match && await BrokerQueues.ReadyAsync(broker, BrokerQueues.Reporting) == 0 ? steady + 1 : 0;
            if (steady >= 4)
            {
                return (figures, matched);
            }

            await Task.Delay(Poll);
        }

        return (figures, figures.Match(driver) ? matched : null);
    }

    public async Task<Figures> FiguresAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pipeline.ReportingAddress(), $"/reporting/training/summary?year={FaultPipeline.Year}"));
        request.Headers.Authorization = pipeline.Headquarters;
        try
        {
            using var answer = await pipeline.Http.SendAsync(request);
            if (!answer.IsSuccessStatusCode)
            {
                return Figures.Unknown;
            }

            var summary = await answer.Content.ReadFromJsonAsync<JsonElement>();
            return new Figures(summary.GetProperty("participations").GetInt64(), summary.GetProperty("completions").GetInt64(),
                summary.GetProperty("practitionersTrained").GetInt64());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Figures.Unknown;
        }
    }

    /// <summary>The scenario's line: figures at quiet, parked messages now, recovery from <paramref name="since"/>.</summary>
    public async Task<ScenarioResult> JudgeAsync(string scenario, Driver driver, Stopwatch since, Stopwatch total, long replayed = 0, int stalls = 0, string? failure = null)
    {
        var (figures, matched) = await QuietAsync(driver, since);
        return new ScenarioResult(scenario, driver.Completed, figures.Completions, figures.Lost(driver), figures.Doubled(driver),
            Math.Max(0, await BrokerQueues.ReadyAsync(broker, BrokerQueues.ReportingErrors)), replayed, matched?.TotalSeconds ?? -1,
            driver.Unavailable, driver.Unanswered, driver.Refused, driver.SlowestAnswer.TotalSeconds, stalls, total.Elapsed.TotalSeconds,
            failure ?? (matched is null ? $"not quiet within {deadline.TotalSeconds:0} s: {figures}" : null));
    }
}
