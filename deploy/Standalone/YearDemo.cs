using System.Diagnostics;
using Cybercrime.Standalone.Year2020;

namespace Cybercrime.Standalone;

/// <summary>
/// <c>--Demo:Year 2020</c>: instead of the small demo, the whole year 2020 (<see cref="DataSet2020"/>),
/// recorded on a first start (no 2020 session of Vienna yet), then reporting's figures for the report,
/// each with the query that gives it, and how long it all took since the host started.
/// </summary>
internal static class YearDemo
{
    public const int Year = 2020;

    public static void RecordYearOnFirstStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            var stopping = app.Lifetime.ApplicationStopping;
            var at = ServiceAddresses.AllAt(new Uri(app.Urls.First()));
            try
            {
                using var api = YearApi.Create();
                var recorded = (await api.GetAsync(at.Training, "VIE", "office-editor", $"/training/sessions?year={Year}&pageSize=1", stopping)).GetProperty("total").GetInt32() > 0;
                if (recorded)
                {
                    Console.WriteLine("The data folder holds the year 2020 already: showing its figures.");
                }
                else
                {
                    await DataSet2020.RecordAsync(at, Console.WriteLine, stopping);
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
}
