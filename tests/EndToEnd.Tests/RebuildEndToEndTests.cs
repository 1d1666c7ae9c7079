using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cybercrime.Operations;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Training and reporting as separate processes over a real RabbitMQ, each as its own broker user: the
/// operations command empties reporting and has training restate every session and registration, and
/// reporting ends with the summary it had.
/// </summary>
public sealed class RebuildEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly Scenario.Session[] Sessions =
    [
        new("nbo-osint", "NBO", "2020-03-20", ["osint"], "online", null),
        new("nbo-evidence", "NBO", "2020-09-11", ["digital-evidence"], "in-person", "KEN", AmendedTopics: ["digital-evidence", "due-process"]),
        new("nbo-called-off", "NBO", "2020-12-04", ["osint"], "online", null, Cancelled: true),
    ];

    private static readonly Scenario.Enrolment[] Enrolments =
    [
        new("nbo-osint", "k-1", "female", "KEN", "law-enforcement", ["completion"], "completed"),
        new("nbo-osint", "k-2", "male", "UGA", "prosecution", ["attendance"], "attended"),
        new("nbo-evidence", "k-1", "female", "KEN", "law-enforcement", ["completion"], "completed"),
        new("nbo-evidence", "k-3", "female", "TZA", "judiciary", ["attendance", "completion"], "completed"),
        new("nbo-evidence", "k-4", "male", "KEN", "judiciary", ["cancellation"], "cancelled"),
        new("nbo-called-off", "k-5", "male", "RWA", "law-enforcement", [], "registered"),
    ];

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync(
        "training", "Cybercrime.Training", reportingSettings: new Dictionary<string, string> { ["Reporting__RebuildAreas"] = "training" });

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task The_operations_command_rebuilds_reporting_from_the_producer_to_the_same_summary()
    {
        var office = await ServiceSet.ClientAsync(_services.Producer, new { office = "NBO", roles = new[] { "office-editor" } });
        var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });
        var sessionIds = new Dictionary<string, string>();
        foreach (var session in Sessions)
        {
            var id = sessionIds[session.Key] = await ServiceSet.SendAsync(office, HttpMethod.Post, "/training/sessions", session.Body(), "id");
            if (session.AmendedTopics is { } topics)
            {
                await ServiceSet.SendAsync(office, HttpMethod.Put, $"/training/sessions/{id}", session.Body(topics), "id");
            }
        }

        foreach (var enrolment in Enrolments)
        {
            var path = $"/training/sessions/{sessionIds[enrolment.Session]}/registrations";
            var registration = await ServiceSet.SendAsync(office, HttpMethod.Post, path, enrolment.Body(), "registrationId");
            foreach (var step in enrolment.Steps)
            {
                await ServiceSet.SendAsync(office, HttpMethod.Post, $"{path}/{registration}/{step}", new { }, "status");
            }
        }

        foreach (var session in Sessions.Where(s => s.Cancelled))
        {
            await ServiceSet.SendAsync(office, HttpMethod.Post, $"/training/sessions/{sessionIds[session.Key]}/cancellation", new { }, "status");
        }

        var expected = Scenario.Canonical(Scenario.ExpectedSummary(2020, Sessions, Enrolments));
        await _services.WithServiceLogsAsync(() => Eventually.Until(async () => Scenario.Canonical(await SummaryAsync(hq)), s => s == expected, Deadline, $"the summary {expected}"));

        var output = new StringWriter();
        var code = await RebuildReporting.RunAsync(
            new Options(_services.Reporting.BaseAddress, null, Deadline), output, TestContext.Current.CancellationToken);

        Assert.True(code == 0, output.ToString());
        // Three sessions and six registrations restated and applied.
        Assert.Matches(new Regex(@"^  training\s+9 / 9\s+applied", RegexOptions.Multiline), output.ToString());
        Assert.Equal(expected, Scenario.Canonical(await SummaryAsync(hq)));
        Assert.Equal((0, 0), (await _services.Broker.MessagesInAsync("training-restate_error"), await _services.Broker.MessagesInAsync("reporting-training_error")));
    }

    private static async Task<JsonObject> SummaryAsync(HttpClient hq) =>
        (await hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!;
}
