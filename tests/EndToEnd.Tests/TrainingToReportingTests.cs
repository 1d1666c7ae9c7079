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

    /// <summary>The scenario: who took part in which session, and who completed it.</summary>
    private static readonly Scenario.Session[] Sessions =
    [
        new("gua-ocsea", "GUA", "2020-06-12", ["ocsea", "digital-evidence"], "online", null),
        new("gua-forensics", "GUA", "2020-10-02", ["digital-forensics"], "in-person", "GTM"),
        new("gua-next-year", "GUA", "2021-02-05", ["osint"], "webinar", null),
        new("bkk-crypto", "BKK", "2020-11-20", ["cryptocurrency", "darknet-investigations"], "hybrid", "THA"),
    ];

    private static readonly Scenario.Enrolment[] Enrolments =
    [
        new("gua-ocsea", "p-1", "female", "GTM", "law-enforcement", Completed: true),
        new("gua-forensics", "p-1", "female", "GTM", "law-enforcement", Completed: true),
        new("gua-ocsea", "p-2", "male", "HND", "prosecution", Completed: true),
        new("gua-ocsea", "p-3", "female", "SLV", "judiciary", Completed: false),
        new("gua-forensics", "p-4", "undisclosed", "BLZ", "law-enforcement", Completed: true),
        new("gua-next-year", "p-5", "male", "GTM", "law-enforcement", Completed: true),
        new("bkk-crypto", "b-1", "male", "THA", "central-bank", Completed: true),
        // The same reference in another office is another person.
        new("bkk-crypto", "p-1", "female", "VNM", "financial-intelligence-unit", Completed: true),
        new("bkk-crypto", "b-2", "female", "KHM", "financial-intelligence-unit", Completed: false),
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
            sessionIds[session.Key] = await PostAsync(offices[session.Office], "/training/sessions", session.Body(), "id");
        }

        foreach (var enrolment in Enrolments)
        {
            var office = Sessions.Single(s => s.Key == enrolment.Session).Office;
            var id = sessionIds[enrolment.Session];
            var registrationId = await PostAsync(offices[office], $"/training/sessions/{id}/registrations", enrolment.Body(), "registrationId");
            if (enrolment.Completed)
            {
                await PostAsync(offices[office], $"/training/sessions/{id}/registrations/{registrationId}/completion", new { }, "status");
            }
        }

        var otherOffice = await offices["BKK"].PostAsJsonAsync(
            $"/training/sessions/{sessionIds["gua-ocsea"]}/registrations", Enrolments[0].Body(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, otherOffice.StatusCode);

        var expected = Scenario.ExpectedSummary(2020, Sessions, Enrolments);
        var reached = await Eventually.Until(() => SummaryAsync(hq), s => Scenario.Canonical(s) == Scenario.Canonical(expected), Deadline, $"the summary {expected.ToJsonString()}");
        Assert.Equal(
            (5, 5, 8),
            (reached["practitionersTrained"]!.GetValue<int>(), reached["countries"]!.GetValue<int>(), reached["participations"]!.GetValue<int>()));

        var events = await Eventually.Until(tap.DrainAsync, n => n == Sessions.Length + Enrolments.Length + Enrolments.Count(e => e.Completed), Deadline, "every event on the tap");
        await tap.RepublishAsync(reversed: true);
        await tap.RepublishAsync(reversed: false);
        await Eventually.Until(
            async () => await _broker.AcknowledgedAsync("reporting-training") >= 3 * events, Deadline, $"reporting to take the {2 * events} events sent again");

        Assert.Equal(Scenario.Canonical(expected), Scenario.Canonical(await SummaryAsync(hq)));
        Assert.Equal(0, await _broker.MessagesInAsync("reporting-training_error"));
    }

    private Dictionary<string, string> Settings(string service) => new()
    {
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = _broker.AmqpAs(service, $"dev-{service}").ToString(),
        ["Storage__Provider"] = "Sqlite",
        ["Storage__SqlitePath"] = Path.Combine(_folder, service),
    };

    private static async Task<HttpClient> ClientAsync(ServiceProcess service, object tokenRequest)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        var token = await PostAsync(client, "/dev/token", tokenRequest, "token");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> PostAsync(HttpClient client, string path, object body, string field)
    {
        var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {json}");
        return JsonNode.Parse(json)![field]!.GetValue<string>();
    }

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!;
}
