using System.Diagnostics;
using Cybercrime.Standalone.Year2020;

namespace Cybercrime.Standalone;

/// <summary>
/// <c>--Demo:Year 2020</c>: instead of the small demo, the whole year 2020 (<see cref="DataSet2020"/>),
/// recorded on a first start into an empty data folder, then reporting's figures for the report, each with
/// the query that gives it, and how long it all took since the host started. A folder holding anything
/// but exactly that year is refused, recording nothing, so that the figures never mix with other records.
/// </summary>
internal static class YearDemo
{
    public const int Year = 2020;

    /// <summary>The offices whose sessions tell what the folder holds: the year's and the small demo's.</summary>
    private static readonly string[] Offices = [.. TrainingPlan.Sessions().Select(s => s.Office).Append("GUA").Append("SAL").Append("BKK").Distinct().Order()];

    /// <summary>The one line for a <c>Demo:Year</c> other than 2020; null for 2020 or none.</summary>
    public static string? Refusal(string? year) => year is null || year == $"{Year}"
        ? null
        : $"--Demo:Year {year}: only the year {Year} can be recorded (--Demo:Year {Year}).";

    public static void RecordYearOnFirstStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            var stopping = app.Lifetime.ApplicationStopping;
            var at = ServiceAddresses.AllAt(new Uri(app.Urls.First()));
            try
            {
                using var api = YearApi.Create();
                switch (await HoldsAsync(api, at, stopping))
                {
                    case Holdings.Nothing:
                        await DataSet2020.RecordAsync(at, Console.WriteLine, stopping);
                        break;
                    case Holdings.TheYear:
                        Console.WriteLine("The data folder holds the year 2020 already: showing its figures.");
                        break;
                    default:
                        Console.WriteLine($"The data folder {Path.GetFullPath(app.Configuration["Storage:SqlitePath"]!)} holds other records: "
                            + "give --Demo:Year 2020 an empty --Storage:SqlitePath. Nothing recorded.");
                        Environment.ExitCode = 1;
                        app.Lifetime.StopApplication();
                        return;
                }

                Console.WriteLine("Waiting for reporting to take every event ...");
                var exact = await DataSet2020.ShowFiguresAsync(at, TimeSpan.FromMinutes(3), Console.WriteLine, stopping);
                var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
                Console.WriteLine(exact
                    ? $"Every figure of the 2020 report, {since.TotalSeconds:0} s after the host started. Ask for more: /reporting/training/summary?year=2020&office=GUA, /scalar"
                    : $"Not every figure came out as planned within the deadline ({since.TotalSeconds:0} s after the host started).");
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Console.WriteLine($"The year 2020 was not recorded: {e.Message}");
            }
        }));

    private enum Holdings { Nothing, TheYear, Other }

    /// <summary>
    /// The year is there when its last recorded item (the compilation, published) is, with exactly its
    /// meetings and each office's sessions; nothing is there when no meeting and no session is.
    /// </summary>
    private static async Task<Holdings> HoldsAsync(YearApi api, ServiceAddresses at, CancellationToken stopping)
    {
        var meetings = (await api.GetAsync(at.ExpertGroup, null, "secretariat", "/public/expert-group/meetings?pageSize=1", stopping)).GetProperty("total").GetInt32();
        var planned = TrainingPlan.Sessions().CountBy(s => s.Office).ToDictionary();
        var sessions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var office in Offices)
        {
            sessions[office] = (await api.GetAsync(at.Training, office, "office-editor", "/training/sessions?pageSize=1", stopping)).GetProperty("total").GetInt32();
        }

        if (meetings == 0 && sessions.Values.All(n => n == 0))
        {
            return Holdings.Nothing;
        }

        var published = (await api.GetAsync(at.ExpertGroup, null, "secretariat", $"/public/expert-group/documents?symbol={Uri.EscapeDataString(ExpertGroupPlan.Symbol)}", stopping))
            .GetProperty("total").GetInt32() == 1;
        return published && meetings == ExpertGroupPlan.Meetings.Length && sessions.All(s => s.Value == planned.GetValueOrDefault(s.Key))
            ? Holdings.TheYear
            : Holdings.Other;
    }
}
