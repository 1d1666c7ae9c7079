using System.Diagnostics;
using System.Globalization;

namespace Cybercrime.Standalone.Year2020;

/// <summary>
/// The year 2020 of the programme, recorded through the services' public APIs as the offices, the
/// secretariat and headquarters would, from plans drawn with a fixed seed, so that reporting shows every
/// figure of the report to the Commission exactly (<see cref="Figures2020"/>). The four areas are recorded
/// side by side, each printing a line as it finishes.
/// </summary>
internal static class DataSet2020
{
    /// <summary>Records the year; answers how long recording took.</summary>
    public static async Task<TimeSpan> RecordAsync(ServiceAddresses at, Action<string> say, CancellationToken stopping)
    {
        using var api = YearApi.Create();
        var clock = Stopwatch.StartNew();
        var training = TrainingPlan.Sessions();
        say($"Recording the year 2020 through the services' APIs: {training.Count} training sessions of six offices, "
            + $"{training.Sum(s => s.Completed.Count + s.Attended.Count + s.Registered.Count + s.NoShows.Count):N0} registrations ...");
        var compilation = ExpertGroupLoad.RunAsync(api, at.ExpertGroup, say, stopping);
        await Task.WhenAll(
            TrainingLoad.RunAsync(api, at.Training, training, say, stopping),
            EvidenceLoad.RunAsync(api, at.Evidence, EvidencePlan.Requests(), say, stopping),
            AwarenessLoad.RunAsync(api, at.Awareness, say, stopping),
            compilation);
        await ExpertGroupLoad.PublishAsync(api, at.ExpertGroup, await compilation, stopping);
        say($"recorded in {clock.Elapsed.TotalSeconds:0.0} s");
        return clock.Elapsed;
    }

    /// <summary>Waits until reporting shows every figure of the report, printing them; answers whether all came out as planned.</summary>
    public static async Task<bool> ShowFiguresAsync(ServiceAddresses at, TimeSpan deadline, Action<string> say, CancellationToken stopping)
    {
        using var api = YearApi.Create();
        var figures = await Figures2020.WaitAsync(api, at.Reporting, deadline, (exact, all) => say($"reporting  {exact} of {all} figures of the report so far ..."), stopping);
        foreach (var (figure, actual) in figures.All)
        {
            var mark = actual == figure.Expected ? "" : figure.Check ? "   (not as planned)" : $"   (planned {figure.Expected.ToString("N0", CultureInfo.InvariantCulture)})";
            say($"  {figure.Show(actual),12}  {figure.Says}{mark}\n                {figure.Query}  {figure.Field}");
        }

        return figures.Exact;
    }
}
