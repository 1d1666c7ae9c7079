using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Awareness and reporting as two separate processes over a real RabbitMQ: two offices record campaigns,
/// figures re-sent and corrected, and activities; reporting's summary reaches the exact figures written
/// out below, and keeps them when every event is delivered again, in reverse order and then in order.
/// </summary>
public sealed class AwarenessToReportingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync("awareness", "Cybercrime.Awareness");

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Figures_resent_and_corrected_count_once_in_reporting_even_when_every_event_comes_again_in_any_order()
    {
        await using var tap = await EventTap.OpenAsync(_services.Broker.Amqp, EventNames.Events.Where(t => t.Namespace == typeof(CampaignLaunched).Namespace));
        var gua = await ServiceSet.ClientAsync(_services.Producer, new { office = "GUA", roles = new[] { "office-editor" } });
        var bkk = await ServiceSet.ClientAsync(_services.Producer, new { office = "BKK", roles = new[] { "office-editor" } });
        var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });

        var navega = await ServiceSet.SendAsync(gua, HttpMethod.Post, "/awareness/campaigns", Campaign("Navega seguro", "GTM", "es", "2020-04-15", "2020-12-31", "tv", "twitter", "linkedin"), "id");
        await ServiceSet.SendAsync(gua, HttpMethod.Post, $"/awareness/campaigns/{navega}/observations", Observations(("tv", "views", "2020-05", 28_000_000, "GTM", "es")), "received");
        // The corrected figure replaces the first; the export, sent twice, counts once.
        await ServiceSet.SendAsync(gua, HttpMethod.Post, $"/awareness/campaigns/{navega}/observations", Observations(("tv", "views", "2020-05", 28_500_000, "GTM", "es")), "received");
        const string export = "channel,metric,period,value,country,language\ntwitter,views,2020-Q2,1700000,,es\nlinkedin,views,2020-Q2,1100000,,\ntwitter,engagements,2020-Q2,84000,,es\n";
        await ImportAsync(gua, navega, export);
        await ImportAsync(gua, navega, export);
        await ServiceSet.SendAsync(gua, HttpMethod.Post, $"/awareness/campaigns/{navega}/observations", Observations(("tv", "views", "2020-06", 300_000, "HND", "es")), "received");
        await ServiceSet.SendAsync(gua, HttpMethod.Post, $"/awareness/campaigns/{navega}/closure", new { }, "status");

        var think = await ServiceSet.SendAsync(bkk, HttpMethod.Post, "/awareness/campaigns", Campaign("Think before you click", "THA", "th", "2020-11-01", "2021-03-31", "youtube", "facebook"), "id");
        await ServiceSet.SendAsync(bkk, HttpMethod.Post, $"/awareness/campaigns/{think}/observations", Observations(
            ("youtube", "views", "2020-12", 50_000, "THA", "th"), ("youtube", "views", "2021-01", 70_000, "THA", "th"), ("facebook", "reach", "2020-11", 500, "THA", "th")), "received");

        var webinar = await ServiceSet.SendAsync(gua, HttpMethod.Post, "/awareness/activities", Activity("webinar", "2020-06-18", navega, ("GTM", 412), ("HND", 230)), "id");
        // Amended: HND dropped, SLV added.
        await ServiceSet.SendAsync(gua, HttpMethod.Put, $"/awareness/activities/{webinar}", Activity("webinar", "2020-06-18", navega, ("GTM", 420), ("SLV", 188)), "id");
        await ServiceSet.SendAsync(bkk, HttpMethod.Post, "/awareness/activities", Activity("workshop", "2020-11-20", null, ("THA", 100), ("VNM", 50)), "id");
        await ServiceSet.SendAsync(gua, HttpMethod.Post, "/awareness/activities", Activity("school-session", "2021-02-01", null, ("GTM", 1_000)), "id");

        var otherOffice = await bkk.PostAsJsonAsync($"/awareness/campaigns/{navega}/observations", Observations(("tv", "views", "2020-07", 1, null, null)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);

        var expected = JsonNode.Parse($$"""
            {
              "year": 2020,
              "views": 31650000,
              "byMetric": { "views": 31650000, "impressions": 0, "reach": 500, "engagements": 84000, "listeners": 0, "downloads": 0 },
              "viewsByChannel": { "tv": 28800000, "twitter": 1700000, "linkedin": 1100000, "youtube": 50000 },
              "viewsByCountry": { "GTM": 28500000, "HND": 300000, "unspecified": 2800000, "THA": 50000 },
              "viewsByLanguage": { "es": 30500000, "unspecified": 1100000, "th": 50000 },
              "campaigns": [
                { "id": "{{navega}}", "name": "Navega seguro", "office": "GUA", "views": 31600000 },
                { "id": "{{think}}", "name": "Think before you click", "office": "BKK", "views": 50000 }
              ],
              "activities": 2,
              "activityParticipants": 758,
              "activityCountries": 4,
              "participantsByKind": { "webinar": 608, "workshop": 150 },
              "participantsByCountry": { "GTM": 420, "SLV": 188, "THA": 100, "VNM": 50 },
              "viewsByPeriod": [
                { "period": "2020-05", "channel": "tv", "views": 28500000 },
                { "period": "2020-06", "channel": "tv", "views": 300000 },
                { "period": "2020-12", "channel": "youtube", "views": 50000 },
                { "period": "2020-Q2", "channel": "linkedin", "views": 1100000 },
                { "period": "2020-Q2", "channel": "twitter", "views": 1700000 }
              ],
              "office": null,
              "region": null,
              "kind": null
            }
            """)!;
        await _services.WithServiceLogsAsync(() => Eventually.Until(() => SummaryAsync(hq), s => Scenario.Canonical(s) == Scenario.Canonical(expected), Deadline, $"the summary {expected.ToJsonString()}"));
        var bangkok = await hq.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020&office=BKK", TestContext.Current.CancellationToken);
        Assert.Equal((50_000, 150, 1), (bangkok!["views"]!.GetValue<long>(), bangkok["activityParticipants"]!.GetValue<long>(), bangkok["campaigns"]!.AsArray().Count));

        // Every event reporting consumed, sent again twice: the figures stay.
        await _services.DeliverEverythingTwiceMoreAsync(tap, "reporting-awareness", Deadline);

        Assert.Equal(Scenario.Canonical(expected), Scenario.Canonical(await SummaryAsync(hq)));
    }

    private static object Campaign(string name, string country, string language, string startDate, string endDate, params string[] channels) => new
    {
        name,
        audiences = new[] { "parents", "children" },
        countries = new[] { country },
        languages = new[] { language },
        channels,
        startDate,
        endDate,
    };

    private static object Observations(params (string Channel, string Metric, string Period, long Value, string? Country, string? Language)[] figures) => new
    {
        observations = figures.Select(f => new { channel = f.Channel, metric = f.Metric, period = f.Period, value = f.Value, country = f.Country, language = f.Language }),
    };

    private static object Activity(string kind, string date, string? campaignId, params (string Country, int Count)[] participants) => new
    {
        title = $"{kind} on online safety",
        kind,
        date,
        languages = new[] { "es" },
        campaignId,
        participants = participants.Select(p => new { countryCode = p.Country, count = p.Count }),
    };

    private static async Task ImportAsync(HttpClient office, string campaign, string csv)
    {
        var response = await office.PostAsync($"/awareness/campaigns/{campaign}/observations/import", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken))!;
}
