using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Evidence and reporting as two separate processes over a real RabbitMQ: offices record requests and
/// their dated steps over HTTP, and reporting's summary reaches figures computed here from the scenario
/// alone, and keeps them when every event comes twice more, in reverse order and in order.
/// </summary>
public sealed class EvidenceToReportingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>Turnarounds of the year's decided requests: 1, 2, 10, 20, 30, 182 days; two left open, long past due.</summary>
    private static readonly EvidenceScenario.Request[] Requests =
    [
        new("GUA", "SLV", "facebook", "subscriber-information", "ocsea", "standard", "FGR-2020-0113", "2020-03-02", Acknowledged: "2020-03-04", Outcome: "fulfilled", OutcomeOn: "2020-03-12"),
        new("GUA", "SLV", "facebook", "content-data", "ocsea", "standard", "FGR-2020-0113", "2020-03-02", Outcome: "refused", OutcomeOn: "2020-04-01"),
        new("GUA", "GTM", "USA", "content-data", "fraud", "standard", "MP-GT-4471", "2020-02-01", Information: ("2020-03-01", "2020-03-10"), Outcome: "partially-fulfilled", OutcomeOn: "2020-08-01"),
        new("GUA", "SLV", "google", "emergency-disclosure", "ocsea", "emergency", "FGR-2020-0299", "2020-05-05", Outcome: "fulfilled", OutcomeOn: "2020-05-06"),
        new("GUA", "SLV", "whatsapp", "traffic-data", "ransomware", "standard", "FGR-2020-0299", "2020-06-01", Withdrawn: "2020-06-20"),
        new("GUA", "SLV", "facebook", "subscriber-information", "ocsea", "standard", "FGR-2020-0400", null),
        new("BKK", "THA", "telegram", "subscriber-information", "fraud", "standard", "RTP-77", "2020-07-01", Acknowledged: "2020-07-03"),
        new("BKK", "THA", "google", "preservation", "ocsea", "emergency", "RTP-78", "2020-09-01", Outcome: "fulfilled", OutcomeOn: "2020-09-03"),
        new("BKK", "THA", "ESP", "traffic-data", "fraud", "standard", "RTP-12", "2019-11-01", Outcome: "fulfilled", OutcomeOn: "2020-02-01"),
        new("BKK", "THA", "facebook", "subscriber-information", "other", "standard", "RTP-77", "2020-10-01"),
        // The same reference in another office is another case.
        new("BKK", "THA", "x", "subscriber-information", "ocsea", "standard", "FGR-2020-0113", "2020-11-01", Outcome: "fulfilled", OutcomeOn: "2020-11-21"),
    ];

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync("evidence", "Cybercrime.Evidence", new Dictionary<string, string> { ["Evidence__OverdueCheckSeconds"] = "0.2" });

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Offices_record_requests_and_reporting_shows_the_exact_figures_even_when_every_event_comes_again_in_any_order()
    {
        await using var tap = await EventTap.OpenAsync(_services.Broker.Amqp, EventTap.ContractEvents());
        var offices = new Dictionary<string, HttpClient>
        {
            ["GUA"] = await ServiceSet.ClientAsync(_services.Producer, new { office = "GUA", roles = new[] { "office-editor" } }),
            ["BKK"] = await ServiceSet.ClientAsync(_services.Producer, new { office = "BKK", roles = new[] { "office-editor" } }),
        };
        var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });

        var ids = new List<string>();
        foreach (var request in Requests)
        {
            var id = await ServiceSet.SendAsync(offices[request.Office], HttpMethod.Post, "/evidence/requests", request.Body(), "id");
            foreach (var (step, body) in request.Steps())
            {
                await ServiceSet.SendAsync(offices[request.Office], HttpMethod.Post, $"/evidence/requests/{id}/{step}", body, "id");
            }

            ids.Add(id);
        }

        var otherOffice = await offices["BKK"].PostAsJsonAsync($"/evidence/requests/{ids[0]}/withdrawal", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);
        // The open requests are long past due: the watch flags them, and reporting hears of it too.
        foreach (var (request, id) in Requests.Zip(ids).Where(p => p.First.Open))
        {
            await Eventually.Until(async () => (await offices[request.Office].GetFromJsonAsync<JsonObject>($"/evidence/requests/{id}", TestContext.Current.CancellationToken))!["overdue"]!.GetValue<bool>(),
                Deadline, $"request {id} to be flagged overdue");
        }

        var expected = EvidenceScenario.ExpectedSummary(2020, Requests);
        expected["office"] = expected["region"] = expected["requestingCountry"] = null;
        var reached = await _services.WithServiceLogsAsync(() =>
            Eventually.Until(() => SummaryAsync(hq), s => Scenario.Canonical(s) == Scenario.Canonical(expected), Deadline, $"the summary {expected.ToJsonString()}"));
        Assert.Equal(
            (9, 6, 2, 2, 5.0 / 6, 15.0, 182, 20.0, 1.5),
            (reached["requests"]!.GetValue<int>(), reached["cases"]!.GetValue<int>(), reached["open"]!.GetValue<int>(), reached["overdue"]!.GetValue<int>(),
                reached["fulfilmentRate"]!.GetValue<double>(), reached["turnaroundDays"]!["median"]!.GetValue<double>(), reached["turnaroundDays"]!["p90"]!.GetValue<int>(),
                reached["turnaroundByAddressee"]!["facebook"]!["median"]!.GetValue<double>(), reached["emergency"]!["medianTurnaroundDays"]!.GetValue<double>()));

        var events = await _services.DeliverEverythingTwiceMoreAsync(tap, "reporting-evidence", Deadline);

        Assert.Equal(Scenario.Canonical(expected), Scenario.Canonical(await SummaryAsync(hq)));
        // One event per step, and one per overdue flag: the open requests', and any other the watch found
        // open past its due date between the back-recorded submission and the outcome recorded after it.
        var flagged = 0;
        foreach (var (request, id) in Requests.Zip(ids))
        {
            var history = (await offices[request.Office].GetFromJsonAsync<JsonObject>($"/evidence/requests/{id}", TestContext.Current.CancellationToken))!["history"]!.AsArray();
            flagged += history.Count(s => s!["what"]!.GetValue<string>() == "overdue");
        }

        Assert.True(flagged >= Requests.Count(r => r.Open));
        Assert.Equal(Requests.Sum(r => r.Steps().Count()) + flagged, events);
        // No case reference travelled in clear.
        Assert.DoesNotContain(tap.Bodies(), body => Requests.Any(r => body.Contains(r.Case, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/evidence/summary?year=2020", TestContext.Current.CancellationToken))!;
}
