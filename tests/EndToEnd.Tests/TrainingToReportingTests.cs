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

    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-e2e-").FullName;
    private BrokerVirtualHost _broker = null!;
    private ServiceProcess _training = null!;
    private ServiceProcess _reporting = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("e2e");
        // Each service runs as its own broker user, allowed to publish only its own events.
        await _broker.ApplyDefinitionsAsync(Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "definitions.json"));
        _training = await ServiceProcess.StartAsync("Cybercrime.Training", Settings("training"));
        _reporting = await ServiceProcess.StartAsync("Cybercrime.Reporting", Settings("reporting"));
    }

    public async ValueTask DisposeAsync()
    {
        await _training.DisposeAsync();
        await _reporting.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Two_offices_record_trainings_and_reporting_counts_each_practitioner_once_even_when_every_event_comes_again()
    {
        await using var tap = await EventTap.OpenAsync(_broker.Amqp, EventTap.ContractEvents());
        var offices = new Dictionary<string, HttpClient>
        {
            ["GUA"] = await ClientAsync(_training, new { office = "GUA", roles = new[] { "office-editor" } }),
            ["BKK"] = await ClientAsync(_training, new { office = "BKK", roles = new[] { "office-editor" } }),
        };
        var hq = await ClientAsync(_reporting, new { roles = new[] { "hq-reporting" } });

        var sessionIds = new Dictionary<string, string>();
        foreach (var session in Sessions)
        {
            var client = offices[session.Office];
            var id = sessionIds[session.Key] = await SendAsync(client, HttpMethod.Post, "/training/sessions", session.Body(), "id");
            if (session.AmendedTopics is { } topics)
            {
                await SendAsync(client, HttpMethod.Put, $"/training/sessions/{id}", session.Body(topics), "id");
            }

            if (session.Headcounts is not null)
            {
                await SendAsync(client, HttpMethod.Put, $"/training/sessions/{id}/headcount", session.HeadcountBody(), "id");
            }
        }

        var registrations = new Dictionary<Scenario.Enrolment, string>();
        foreach (var enrolment in Enrolments)
        {
            var office = Sessions.Single(s => s.Key == enrolment.Session).Office;
            registrations[enrolment] = await SendAsync(
                offices[office], HttpMethod.Post, $"/training/sessions/{sessionIds[enrolment.Session]}/registrations", enrolment.Body(), "registrationId");
        }

        foreach (var enrolment in Enrolments)
        {
            var office = Sessions.Single(s => s.Key == enrolment.Session).Office;
            foreach (var step in enrolment.Steps)
            {
                var status = await SendAsync(offices[office], HttpMethod.Post,
                    $"/training/sessions/{sessionIds[enrolment.Session]}/registrations/{registrations[enrolment]}/{step}", new { }, "status");
                Assert.Equal(Scenario.StatusAfter(step), status);
            }

            Assert.Equal(enrolment.Final, await StatusAsync(offices[office], $"/training/sessions/{sessionIds[enrolment.Session]}/registrations/{registrations[enrolment]}"));
        }

        foreach (var session in Sessions.Where(s => s.Cancelled))
        {
            await SendAsync(offices[session.Office], HttpMethod.Post, $"/training/sessions/{sessionIds[session.Key]}/cancellation", new { }, "status");
        }

        var otherOffice = await offices["BKK"].PostAsJsonAsync(
            $"/training/sessions/{sessionIds["gua-ocsea"]}/registrations", Enrolments[0].Body(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);

        var expected = Scenario.ExpectedSummary(2020, Sessions, Enrolments);
        var reached = await WithServiceLogsAsync(() =>
            Eventually.Until(() => SummaryAsync(hq), s => Scenario.Canonical(s) == Scenario.Canonical(expected), Deadline, $"the summary {expected.ToJsonString()}"));
        Assert.Equal(
            (5, 5, 8, 6, 2, 923),
            (reached["practitionersTrained"]!.GetValue<int>(), reached["countries"]!.GetValue<int>(), reached["participations"]!.GetValue<int>(),
                reached["completions"]!.GetValue<int>(), reached["trainTheTrainerGraduates"]!.GetValue<int>(), reached["headcountParticipants"]!.GetValue<int>()));

        // Every event reporting consumed is on the tap too: wait until both have seen them all.
        var events = 0;
        await Eventually.Until(async () => (events = await tap.DrainAsync()) > 0 && events == await _broker.AcknowledgedAsync("reporting-training"), Deadline, "the tap and reporting to agree");
        await tap.RepublishAsync(reversed: true);
        await tap.RepublishAsync(reversed: false);
        await Eventually.Until(
            async () => await _broker.AcknowledgedAsync("reporting-training") >= 3 * events, Deadline, $"reporting to take the {2 * events} events sent again");

        Assert.Equal(Scenario.Canonical(expected), Scenario.Canonical(await SummaryAsync(hq)));
        Assert.Equal(0, await _broker.MessagesInAsync("reporting-training_error"));
    }

    /// <summary>On failure, says what the services logged: the cause is usually there.</summary>
    private async Task<T> WithServiceLogsAsync<T>(Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- training ---\n{Tail(_training.Output)}\n--- reporting ---\n{Tail(_reporting.Output)}", e);
        }

        static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(15));
    }

    private Dictionary<string, string> Settings(string service) => new(TestSecrets.Environment())
    {
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = _broker.AmqpAs(service, $"dev-{service}").ToString(),
        ["Storage__Provider"] = "Sqlite",
        ["Storage__SqlitePath"] = Path.Combine(_folder, service),
    };

    private static async Task<HttpClient> ClientAsync(ServiceProcess service, object tokenRequest)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        var token = await SendAsync(client, HttpMethod.Post, "/dev/token", tokenRequest, "token");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, object body, string field)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {json}");
        return JsonNode.Parse(json)![field]!.GetValue<string>();
    }

    private static async Task<string> StatusAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken))!["status"]!.GetValue<string>();

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!;
}
