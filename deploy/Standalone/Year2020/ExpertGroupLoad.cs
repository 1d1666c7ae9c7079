using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Cybercrime.Standalone.Year2020;

/// <summary>The secretariat records the meetings, the compilation with its six language versions, and the sixth meeting's preliminary recommendations.</summary>
internal static class ExpertGroupLoad
{
    private const string Title = "Compilation of all preliminary recommendations suggested by Member States during the meetings of the Expert Group";

    /// <summary>Records all but the compilation's publication; answers the compilation's id.</summary>
    public static async Task<string> RunAsync(YearApi api, Uri expertGroup, Action<string> say, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        string? sixth = null;
        foreach (var m in ExpertGroupPlan.Meetings)
        {
            var id = (await api.PostAsync(expertGroup, null, "secretariat", "/expert-group/meetings", new
            {
                body = "expert-group", sequence = m.Sequence, title = $"{Ordinal(m.Sequence)} meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime",
                startDate = m.Start, endDate = m.End, venue = "Vienna", format = m.Format, chapters = m.Chapters,
            }, stopping)).GetProperty("id").GetString()!;
            if (m.Postponed is { } to)
            {
                await api.PostAsync(expertGroup, null, "secretariat", $"/expert-group/meetings/{id}/postponement",
                    new { startDate = to.Start, endDate = to.End, format = to.Format, decision = to.Decision }, stopping);
                sixth = id;
            }

            if (m.Held)
            {
                await api.PostAsync(expertGroup, null, "secretariat", $"/expert-group/meetings/{id}/held", new { }, stopping);
            }
        }

        var document = (await api.PostAsync(expertGroup, null, "secretariat", "/expert-group/documents", new
        {
            symbol = ExpertGroupPlan.Symbol, title = Title, type = "preliminary-recommendations", meetingId = sixth, originalLanguage = "en",
        }, stopping)).GetProperty("id").GetString()!;
        foreach (var language in ExpertGroupPlan.Languages)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
                $"<!DOCTYPE html><html lang=\"{language}\"><body><h1>{ExpertGroupPlan.Symbol}</h1><p>{Title}</p></body></html>"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
            await api.SendAsync(expertGroup, null, "secretariat", HttpMethod.Put, $"/expert-group/documents/{document}/versions/{language}", file, stopping);
        }

        foreach (var (chapter, text) in ExpertGroupPlan.Recommendations)
        {
            await api.PostAsync(expertGroup, null, "secretariat", "/expert-group/recommendations", new { meetingId = sixth, chapter, text }, stopping);
        }

        say($"expert     {ExpertGroupPlan.Meetings.Length} meetings (the sixth postponed to 27–29 July 2020, hybrid), {ExpertGroupPlan.Symbol} in {ExpertGroupPlan.Languages.Length} languages, "
            + $"{ExpertGroupPlan.Recommendations.Length} preliminary recommendations ({clock.Elapsed.TotalSeconds:0.0} s)");
        return document;
    }

    /// <summary>
    /// Publishes the compilation: the year's last recorded item, once every area is in, so that a data
    /// folder holding it holds the whole year (<see cref="YearDemo"/>).
    /// </summary>
    public static Task PublishAsync(YearApi api, Uri expertGroup, string document, CancellationToken stopping) =>
        api.PostAsync(expertGroup, null, "secretariat", $"/expert-group/documents/{document}/publication", new { on = "2020-07-17" }, stopping);

    private static string Ordinal(int n) => n switch { 1 => "First", 2 => "Second", 3 => "Third", 4 => "Fourth", 5 => "Fifth", 6 => "Sixth", _ => "Seventh" };
}
