using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Cybercrime.Standalone.DemoApi;

namespace Cybercrime.Standalone;

/// <summary>
/// The expert group's part of the demo year, recorded through the API as the secretariat would: the
/// sixth meeting, set for 6–8 April 2020 in Vienna and postponed to 27–29 July 2020 (hybrid), then held;
/// the Ad Hoc Committee's organizational session, moved twice (decisions 74/567 and 75/555); the
/// compilation of preliminary recommendations, UNODC/CCPCJ/EG.4/2020/2, published in English on
/// 27 July 2020; two preliminary recommendations. Skipped when that document is already there.
/// </summary>
internal static class ExpertGroupDemo
{
    public const string Symbol = "UNODC/CCPCJ/EG.4/2020/2";

    public static async Task SeedAsync(Uri url, CancellationToken stopping)
    {
        using var http = new HttpClient { BaseAddress = url };
        var existing = await http.GetFromJsonAsync<JsonElement>($"/public/expert-group/documents?symbol={Uri.EscapeDataString(Symbol)}", stopping);
        if (existing.GetProperty("total").GetInt32() > 0)
        {
            return;
        }

        var token = await TokenAsync(http, null, "secretariat", stopping);
        var sixth = await IdAsync(http, token, "/expert-group/meetings", new
        {
            body = "expert-group", sequence = 6, title = "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime",
            startDate = "2020-04-06", endDate = "2020-04-08", venue = "Vienna", format = "in-person", chapters = new[] { "international-cooperation", "prevention" },
        }, stopping);
        await SendAsync(http, HttpMethod.Post, $"/expert-group/meetings/{sixth}/postponement", token,
            JsonContent.Create(new { startDate = "2020-07-27", endDate = "2020-07-29", format = "hybrid" }), stopping);
        await SendAsync(http, HttpMethod.Post, $"/expert-group/meetings/{sixth}/held", token, null, stopping);

        var organizational = await IdAsync(http, token, "/expert-group/meetings", new
        {
            body = "ad-hoc-committee", sequence = 1, title = "Organizational session of the Ad Hoc Committee",
            startDate = "2020-08-03", endDate = "2020-08-05", venue = "New York", format = "in-person", chapters = Array.Empty<string>(),
        }, stopping);
        await SendAsync(http, HttpMethod.Post, $"/expert-group/meetings/{organizational}/postponement", token,
            JsonContent.Create(new { startDate = "2021-01-11", endDate = "2021-01-13", decision = "74/567" }), stopping);
        await SendAsync(http, HttpMethod.Post, $"/expert-group/meetings/{organizational}/postponement", token,
            JsonContent.Create(new { startDate = "2021-05-10", endDate = "2021-05-12", format = "hybrid", decision = "75/555" }), stopping);

        var document = await IdAsync(http, token, "/expert-group/documents", new
        {
            symbol = Symbol, title = "Compilation of all preliminary recommendations suggested by Member States during the meetings of the Expert Group",
            type = "preliminary-recommendations", meetingId = sixth, originalLanguage = "en",
        }, stopping);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html lang=\"en\"><body><h1>UNODC/CCPCJ/EG.4/2020/2</h1><p>Compilation of all preliminary recommendations.</p></body></html>"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        await SendAsync(http, HttpMethod.Put, $"/expert-group/documents/{document}/versions/en", token, file, stopping);
        await SendAsync(http, HttpMethod.Post, $"/expert-group/documents/{document}/publication", token, JsonContent.Create(new { on = "2020-07-27" }), stopping);

        await IdAsync(http, token, "/expert-group/recommendations", new
        {
            meetingId = sixth, chapter = "international-cooperation", text = "States should make full use of 24/7 networks for the preservation of electronic evidence.",
        }, stopping);
        await IdAsync(http, token, "/expert-group/recommendations", new
        {
            meetingId = sixth, chapter = "prevention", text = "States should invest in awareness campaigns on cybercrime for children and parents.",
        }, stopping);

        // Reporting learns of it through the bus: wait, briefly, until it has the document.
        var hq = await TokenAsync(http, null, "hq-reporting", stopping);
        var summary = await SendAsync(http, HttpMethod.Get, "/reporting/expert-group/summary?year=2020", hq, null, stopping);
        for (var attempt = 0; attempt < 100 && (summary.GetProperty("documentsPublished").GetInt32() == 0
            || summary.GetProperty("recommendations").GetProperty("proposed").GetInt32() < 2 || summary.GetProperty("meetingsPostponed").GetInt32() < 2); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stopping);
            summary = await SendAsync(http, HttpMethod.Get, "/reporting/expert-group/summary?year=2020", hq, null, stopping);
        }

        Console.WriteLine($"""

            Expert-group demo recorded. GET /reporting/expert-group/summary?year=2020 now answers:
            {JsonSerializer.Serialize(summary)}

            """);
    }


    private static async Task<string> IdAsync(HttpClient http, string token, string path, object body, CancellationToken stopping) =>
        (await SendAsync(http, HttpMethod.Post, path, token, JsonContent.Create(body), stopping)).GetProperty("id").GetString()!;

}
