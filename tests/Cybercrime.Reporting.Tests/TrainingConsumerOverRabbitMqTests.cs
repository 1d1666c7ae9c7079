using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>Reporting consuming training events from a real RabbitMQ, read back over its HTTP API.</summary>
public sealed class TrainingConsumerOverRabbitMqTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private BrokerVirtualHost _broker = null!;
    private ServiceFactory<Program> _reporting = null!;
    private HttpClient _hq = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("reporting");
        _reporting = new ServiceFactory<Program>
        {
            Settings = { ["Bus:Transport"] = "RabbitMq", ["ConnectionStrings:RabbitMq"] = _broker.Amqp.ToString() },
        };
        _hq = await _reporting.ClientAsync(null, "hq-reporting");
    }

    public async ValueTask DisposeAsync()
    {
        await _reporting.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Redelivered_and_reordered_events_leave_the_figures_exact()
    {
        var session = TrainingFacts.Session(new DateOnly(2020, 9, 30), [TrainingTopic.Cryptocurrency], office: "BKK", format: TrainingFormat.Hybrid);
        var amended = new TrainingSessionAmended(Guid.NewGuid(), session.OccurredAt, "BKK", session.SessionId, 2,
            session.Session with { Topics = [TrainingTopic.Cryptocurrency, TrainingTopic.DarknetInvestigations], TrainTheTrainer = true });
        var counted = new HeadcountRecorded(Guid.NewGuid(), session.OccurredAt, "BKK", session.SessionId, 3,
            amended.Session with { Headcounts = [new Headcount("LAO", Gender.Female, 40)] });
        var ana = TrainingFacts.In(session, Guid.NewGuid(), Gender.Female, "THA", AgencyType.CentralBank);
        var ben = TrainingFacts.In(session, Guid.NewGuid(), Gender.Male, "VNM", AgencyType.FinancialIntelligenceUnit);
        var cy = TrainingFacts.In(session, Guid.NewGuid(), Gender.Other, "THA", AgencyType.LawEnforcement);
        var dao = TrainingFacts.In(session, Guid.NewGuid(), Gender.Female, "KHM", AgencyType.Prosecution);
        IIntegrationEvent[] events =
        [
            session, amended, counted,
            ana.Registration, ana.Attendance, ana.Completion,
            ben.Waitlisting, ben.Promotion, ben.Completion,
            cy.Registration, cy.Cancellation,
            dao.Registration,
        ];

        // Completions first, the session last: nothing may depend on arrival order.
        await PublishAsync(events.Reverse());
        var expected = await Eventually.Until(
            SummaryAsync,
            s => s["participations"]!.GetValue<int>() == 3 && s["practitionersTrained"]!.GetValue<int>() == 2 && s["headcountParticipants"]!.GetValue<int>() == 40,
            Deadline,
            "two completed, three taking part, forty counted");

        await PublishAsync(events);
        await PublishAsync(events.Reverse());
        await Eventually.Until(async () => await _broker.AcknowledgedAsync("reporting-training") >= 3 * events.Length, Deadline, "every copy consumed");

        var after = await SummaryAsync();
        Assert.Equal(expected.ToJsonString(), after.ToJsonString());
        Assert.Equal((2, 2, 2, 2), (after["countries"]!.GetValue<int>(), after["completions"]!.GetValue<int>(),
            after["trainTheTrainerGraduates"]!.GetValue<int>(), after["byTopic"]!["darknet-investigations"]!.GetValue<int>()));
        Assert.Equal(1, after["byAgencyType"]!["central-bank"]!.GetValue<int>());
        Assert.Equal(2, after["byOffice"]!["BKK"]!.GetValue<int>());
        Assert.Equal(0, await _broker.MessagesInAsync("reporting-training_error"));
    }

    [Fact]
    public async Task The_summary_filters_by_office_and_region()
    {
        var dakar = TrainingFacts.Session(new DateOnly(2020, 4, 4), [TrainingTopic.Ocsea], office: "DKR");
        var vienna = TrainingFacts.Session(new DateOnly(2020, 4, 4), [TrainingTopic.Ocsea], office: "VIE");
        await PublishAsync([dakar, vienna, TrainingFacts.In(dakar, Guid.NewGuid()).Completion, TrainingFacts.In(vienna, Guid.NewGuid()).Completion]);
        await Eventually.Until(SummaryAsync, s => s["practitionersTrained"]!.GetValue<int>() == 2, Deadline, "both completions");

        var africa = await _hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020&region=africa", TestContext.Current.CancellationToken);
        var vie = await _hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020&office=VIE", TestContext.Current.CancellationToken);
        var wrong = await _hq.GetAsync("/reporting/training/summary?year=2020&region=europe&office=XYZ", TestContext.Current.CancellationToken);

        Assert.Equal((1, "africa"), (africa!["practitionersTrained"]!.GetValue<int>(), africa["region"]!.GetValue<string>()));
        Assert.Equal((1, "VIE"), (vie!["practitionersTrained"]!.GetValue<int>(), vie["office"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["office", "region"], (await wrong.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_summary_is_for_hq_reporting_only()
    {
        var office = await _reporting.ClientAsync("GUA", "office-editor");

        var forbidden = await office.GetAsync("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken);
        var anonymous = await _reporting.CreateClient().GetAsync("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (forbidden.StatusCode, anonymous.StatusCode));
    }

    [Fact]
    public async Task Operations_list_and_replay_only_this_services_queues()
    {
        var operations = await _reporting.ClientAsync(null, "operations");

        var listed = await operations.GetAsync("/operations/parked/reporting-training", TestContext.Current.CancellationToken);
        var replayed = await operations.PostAsync("/operations/parked/reporting-training/replay", null, TestContext.Current.CancellationToken);
        var foreign = await operations.GetAsync("/operations/parked/evidence-requests", TestContext.Current.CancellationToken);
        var notOperations = await _hq.PostAsync("/operations/parked/reporting-training/replay", null, TestContext.Current.CancellationToken);

        Assert.Equal("[]", await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, (await replayed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["replayed"]!.GetValue<int>());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (foreign.StatusCode, notOperations.StatusCode));
    }

    [Fact]
    public async Task A_missing_year_gets_400_naming_it()
    {
        var response = await _hq.GetAsync("/reporting/training/summary", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!["year"]);
    }

    private async Task PublishAsync(IEnumerable<IIntegrationEvent> events)
    {
        var bus = _reporting.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), context => context.MessageId = e.EventId, TestContext.Current.CancellationToken);
        }
    }

    private async Task<JsonObject> SummaryAsync() =>
        (await _hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!;
}
