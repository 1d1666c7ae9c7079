using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cybercrime.Standalone.Year2020;

/// <summary>
/// Records the training plan as each office would after the fact: the session, then its course platform's
/// list in one import (<c>status</c> completed, attended or blank for registered), the no-shows one by one,
/// and the session called off. Offices work side by side, each through its own sessions in turn.
/// </summary>
internal static class TrainingLoad
{
    public static async Task RunAsync(YearApi api, Uri training, IReadOnlyList<PlannedSession> plan, Action<string> say, CancellationToken stopping)
    {
        await Task.WhenAll(plan.GroupBy(s => s.Office).Select(async office =>
        {
            var clock = Stopwatch.StartNew();
            var (sessions, rows, completions) = (0, 0, 0);
            foreach (var session in office)
            {
                var id = (await api.PostAsync(training, session.Office, "office-editor", "/training/sessions", Body(session), stopping)).GetProperty("id").GetString()!;
                var imported = await api.PostCsvAsync(training, session.Office, $"/training/sessions/{id}/registrations/import", Csv(session), stopping);
                foreach (var person in session.NoShows)
                {
                    var history = await api.GetAsync(training, session.Office, "office-editor", $"/training/participants/{Uri.EscapeDataString(person.Ref)}", stopping);
                    var registration = history.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetString() == id).GetProperty("registrationId").GetString();
                    await api.PostAsync(training, session.Office, "office-editor", $"/training/sessions/{id}/registrations/{registration}/no-show", new { }, stopping);
                }

                if (session.Cancelled)
                {
                    await api.PostAsync(training, session.Office, "office-editor", $"/training/sessions/{id}/cancellation", new { }, stopping);
                }

                (sessions, rows, completions) = (sessions + 1, rows + imported.GetProperty("rows").GetInt32(), completions + imported.GetProperty("completed").GetInt32());
            }

            say($"training   {office.Key}: {sessions,2} sessions, {rows,5:N0} people imported, {completions,5:N0} completions ({clock.Elapsed.TotalSeconds:0.0} s)");
        }));
    }

    private static object Body(PlannedSession s) => new
    {
        title = s.Title,
        topics = s.Topics,
        format = s.Format,
        languages = s.Languages,
        startDate = s.Start,
        endDate = s.End,
        hostCountry = s.Host,
        audiences = s.Audiences,
        partners = s.Partners,
        trainTheTrainer = s.TrainTheTrainer,
    };

    /// <summary>The course platform's list: everyone who registered, with how far they got.</summary>
    private static string Csv(PlannedSession s)
    {
        var csv = new StringBuilder("externalRef,gender,countryCode,agencyType,role,status\n");
        foreach (var (people, status) in new[] { (s.Completed, "completed"), (s.Attended, "attended"), (s.Registered, ""), (s.NoShows, "") })
        {
            foreach (var p in people)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{p.Ref},{p.Gender},{p.Country},{p.Agency},{p.Role},{status}\n");
            }
        }

        return csv.ToString();
    }
}
