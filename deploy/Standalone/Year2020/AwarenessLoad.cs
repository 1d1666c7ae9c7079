using System.Diagnostics;

namespace Cybercrime.Standalone.Year2020;

/// <summary>Each office creates its campaigns and imports the platforms' exports as they came, then records its activities.</summary>
internal static class AwarenessLoad
{
    public static async Task RunAsync(YearApi api, Uri awareness, Action<string> say, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        var (campaigns, observations) = (0, 0);
        foreach (var planned in AwarenessPlan.Campaigns())
        {
            var id = (await api.PostAsync(awareness, planned.Office, "office-editor", "/awareness/campaigns", planned.Campaign, stopping)).GetProperty("id").GetString();
            foreach (var export in planned.Exports)
            {
                observations += (await api.PostCsvAsync(awareness, planned.Office, $"/awareness/campaigns/{id}/observations/import", export, stopping)).GetProperty("received").GetInt32();
            }

            campaigns++;
        }

        var activities = AwarenessPlan.Activities();
        foreach (var a in activities)
        {
            await api.PostAsync(awareness, a.Office, "office-editor", "/awareness/activities", new
            {
                title = a.Title,
                kind = a.Kind,
                date = a.Date,
                languages = a.Languages,
                participants = a.Participants.Select(p => new { countryCode = p.Country, count = p.Count }),
            }, stopping);
        }

        say($"awareness  {campaigns} campaigns, {observations} figures imported, {activities.Count} activities with {activities.Sum(a => a.Participants.Sum(p => p.Count)):N0} participants ({clock.Elapsed.TotalSeconds:0.0} s)");
    }
}
