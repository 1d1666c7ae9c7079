using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Cybercrime.Standalone.DemoApi;

namespace Cybercrime.Standalone;

/// <summary>
/// The demo year's awareness side, recorded through the API on a first start (no campaign of GUA yet):
/// a 2020 campaign whose figures arrive in two batches, one of them a correction, an activity with its
/// participants per country, then what reporting makes of them.
/// </summary>
internal static class AwarenessDemo
{
    public static async Task SeedAsync(Uri url, CancellationToken stopping)
    {
        using var http = new HttpClient { BaseAddress = url };
        var gua = await TokenAsync(http, "GUA", "office-editor");
        if ((await SendAsync(http, HttpMethod.Get, "/awareness/campaigns?pageSize=1", gua, null, stopping)).GetProperty("total").GetInt32() > 0)
        {
            return;
        }

        var campaign = (await SendAsync(http, HttpMethod.Post, "/awareness/campaigns", gua, JsonContent.Create(new
        {
            name = "Navega seguro: online safety for families",
            audiences = new[] { "children", "parents", "teachers" },
            countries = new[] { "GTM" },
            languages = new[] { "es" },
            channels = new[] { "tv", "twitter", "linkedin" },
            partners = new[] { "TV Azteca" },
            startDate = "2020-04-15",
            endDate = "2020-12-31",
        }), stopping)).GetProperty("id").GetString();

        // "28.5 million views" on TV, "2.8 million views on Twitter and LinkedIn": the platforms' export, then a corrected figure.
        const string export = "channel,metric,period,value,country,language\n" +
            "tv,views,2020-05,28500000,GTM,es\n" +
            "twitter,views,2020-Q2,1500000,,es\n" +
            "linkedin,views,2020-Q2,1100000,,es\n" +
            "twitter,engagements,2020-Q2,84000,,es\n";
        await SendAsync(http, HttpMethod.Post, $"/awareness/campaigns/{campaign}/observations/import", gua, new StringContent(export, Encoding.UTF8, "text/csv"), stopping);
        await SendAsync(http, HttpMethod.Post, $"/awareness/campaigns/{campaign}/observations", gua, JsonContent.Create(new
        {
            observations = new[] { new { channel = "twitter", metric = "views", period = "2020-Q2", value = 1_700_000, language = "es" } },
        }), stopping);

        await SendAsync(http, HttpMethod.Post, "/awareness/activities", gua, JsonContent.Create(new
        {
            title = "Webinar for teachers: keeping pupils safe online",
            kind = "webinar",
            date = "2020-06-18",
            languages = new[] { "es" },
            campaignId = campaign,
            participants = new[] { new { countryCode = "GTM", count = 412 }, new { countryCode = "HND", count = 230 }, new { countryCode = "SLV", count = 188 } },
        }), stopping);

        // Reporting learns of it through the bus: wait, briefly, until it has every figure.
        var hq = await TokenAsync(http, null, "hq-reporting");
        var summary = await SendAsync(http, HttpMethod.Get, "/reporting/awareness/summary?year=2020", hq, null, stopping);
        for (var attempt = 0; attempt < 100 && (summary.GetProperty("views").GetInt64() != 31_300_000 || summary.GetProperty("activityParticipants").GetInt64() != 830); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stopping);
            summary = await SendAsync(http, HttpMethod.Get, "/reporting/awareness/summary?year=2020", hq, null, stopping);
        }

        Console.WriteLine($"""

            Awareness demo recorded through the API. GET /reporting/awareness/summary?year=2020 now answers:
            {JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true })}

            """);
    }


}
