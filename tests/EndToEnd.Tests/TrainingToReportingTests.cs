using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Training and reporting as two separate processes over a real RabbitMQ: offices record sessions and
/// completions over HTTP, and reporting's summary reaches figures computed here from the scenario alone.
/// </summary>
public sealed class TrainingToReportingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>The scenario: two offices' sessions, and who took part how.</summary>
    private static readonly Scenario.Session[] Sessions =
    [
        new("gua-ocsea", "GUA", "2020-06-12", ["ocsea", "digital-evidence"], "online", null),
        new("gua-forensics", "GUA", "2020-10-02", ["digital-forensics"], "in-person", "GTM", Capacity: 2),
        new("gua-next-year", "GUA", "2021-02-05", ["osint"], "webinar", null),
        new("gua-called-off", "GUA", "2020-12-01", ["osint"], "online", null, Cancelled: true),
        new("bkk-crypto", "BKK", "2020-11-20", ["cryptocurrency"], "hybrid", "THA", TrainTheTrainer: true, AmendedTopics: ["cryptocurrency", "darknet-investigations"]),
        new("bkk-webinar", "BKK", "2020-07-15", ["ocsea"], "webinar", null, Headcounts: [("THA", "female", 500), ("THA", "male", 420), ("LAO", "other", 3)]),
    ];

    private static readonly Scenario.Enrolment[] Enrolments =
    [
        new("gua-ocsea", "p-1", "female", "GTM", "law-enforcement", ["completion"], "completed"),
        new("gua-ocsea", "p-2", "male", "HND", "prosecution", ["attendance", "completion"], "completed"),
        new("gua-ocsea", "p-3", "female", "SLV", "judiciary", [], "registered"),
        new("gua-forensics", "p-1", "female", "GTM", "law-enforcement", ["completion"], "completed"),
        new("gua-forensics", "p-4", "undisclosed", "BLZ", "law-enforcement", ["cancellation"], "cancelled"),
        // Capacity 2: p-6 and p-7 wait; p-4's cancellation promotes p-6, who then completes.
        new("gua-forensics", "p-6", "male", "CRI", "judiciary", ["completion"], "completed"),
        new("gua-forensics", "p-7", "female", "GTM", "prosecution", [], "waitlisted"),
        new("gua-next-year", "p-5", "male", "GTM", "law-enforcement", ["completion"], "completed"),
        new("gua-called-off", "p-9", "female", "GTM", "law-enforcement", [], "registered"),
        new("bkk-crypto", "b-1", "male", "THA", "central-bank", ["attendance", "completion"], "completed"),
        // The same reference in another office is another person.
        new("bkk-crypto", "p-1", "female", "VNM", "financial-intelligence-unit", ["completion"], "completed"),
        new("bkk-crypto", "b-2", "female", "KHM", "financial-intelligence-unit", ["attendance"], "attended"),
        new("bkk-crypto", "b-3", "male", "LAO", "law-enforcement", ["no-show"], "no-show"),
    ];

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync("training", "Cybercrime.Training");

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Two_offices_record_trainings_and_reporting_counts_each_practitioner_once_even_when_every_event_comes_again()
    {
        await using var tap = await EventTap.OpenAsync(_services.Broker.Amqp, EventTap.ContractEvents());
        var offices = new Dictionary<string, HttpClient>
        {
            ["GUA"] = await ServiceSet.ClientAsync(_services.Producer, new { office = "GUA", roles = new[] { "office-editor" } }),
            ["BKK"] = await ServiceSet.ClientAsync(_services.Producer, new { office = "BKK", roles = new[] { "office-editor" } }),
        };
        var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });

        var sessionIds = new Dictionary<string, string>();
        foreach (var session in Sessions)
        {
            var client = offices[session.Office];
            var id = sessionIds[session.Key] = await ServiceSet.SendAsync(client, HttpMethod.Post, "/training/sessions", session.Body(), "id");
            if (session.AmendedTopics is { } topics)
            {
                await ServiceSet.SendAsync(client, HttpMethod.Put, $"/training/sessions/{id}", session.Body(topics), "id");
            }

            if (session.Headcounts is not null)
            {
                await ServiceSet.SendAsync(client, HttpMethod.Put, $"/training/sessions/{id}/headcount", session.HeadcountBody(), "id");
            }
        }

        var registrations = new Dictionary<Scenario.Enrolment, string>();
        foreach (var enrolment in Enrolments)
        {
            var office = Sessions.Single(s => s.Key == enrolment.Session).Office;
            registrations[enrolment] = await ServiceSet.SendAsync(
                offices[office], HttpMethod.Post, $"/training/sessions/{sessionIds[enrolment.Session]}/registrations", enrolment.Body(), "registrationId");
        }

        foreach (var enrolment in Enrolments)
        {
            var office = Sessions.Single(s => s.Key == enrolment.Session).Office;
            foreach (var step in enrolment.Steps)
            {
                var status = await ServiceSet.SendAsync(offices[office], HttpMethod.Post,
                    $"/training/sessions/{sessionIds[enrolment.Session]}/registrations/{registrations[enrolment]}/{step}", new { }, "status");
                Assert.Equal(Scenario.StatusAfter(step), status);
            }

            Assert.Equal(enrolment.Final, await StatusAsync(offices[office], $"/training/sessions/{sessionIds[enrolment.Session]}/registrations/{registrations[enrolment]}"));
        }

        foreach (var session in Sessions.Where(s => s.Cancelled))
        {
            await ServiceSet.SendAsync(offices[session.Office], HttpMethod.Post, $"/training/sessions/{sessionIds[session.Key]}/cancellation", new { }, "status");
        }

        var otherOffice = await offices["BKK"].PostAsJsonAsync(
            $"/training/sessions/{sessionIds["gua-ocsea"]}/registrations", Enrolments[0].Body(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);

        var expected = Scenario.ExpectedSummary(2020, Sessions, Enrolments);
        var reached = await _services.WithServiceLogsAsync(() =>
            Eventually.Until(() => SummaryAsync(hq), s => Scenario.Canonical(s) == Scenario.Canonical(expected), Deadline, $"the summary {expected.ToJsonString()}"));
        Assert.Equal(
            (5, 5, 8, 6, 2, 923),
            (reached["practitionersTrained"]!.GetValue<int>(), reached["countries"]!.GetValue<int>(), reached["participations"]!.GetValue<int>(),
                reached["completions"]!.GetValue<int>(), reached["trainTheTrainerGraduates"]!.GetValue<int>(), reached["headcountParticipants"]!.GetValue<int>()));

        await _services.DeliverEverythingTwiceMoreAsync(tap, "reporting-training", Deadline);

        Assert.Equal(Scenario.Canonical(expected), Scenario.Canonical(await SummaryAsync(hq)));
    }

    private static async Task<string> StatusAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken))!["status"]!.GetValue<string>();

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!;
}
