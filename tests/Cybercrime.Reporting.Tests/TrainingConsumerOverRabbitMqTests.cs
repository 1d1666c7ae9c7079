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
        var session = TrainingFacts.Session(new DateOnly(2020, 9, 30), TrainingTopic.Cryptocurrency, TrainingTopic.DarknetInvestigations);
        var ana = TrainingFacts.Participant(session, Guid.NewGuid(), Gender.Female, "THA", AgencyType.CentralBank);
        var ben = TrainingFacts.Participant(session, Guid.NewGuid(), Gender.Male, "VNM", AgencyType.FinancialIntelligenceUnit);
        var cy = TrainingFacts.Participant(session, Guid.NewGuid(), Gender.Other, "THA", AgencyType.LawEnforcement);
        IIntegrationEvent[] events = [session, ana.Registered, ana.Completed, ben.Registered, ben.Completed, cy.Registered];

        // Completions first, the session last: nothing may depend on arrival order.
        await PublishAsync(events.Reverse());
        var expected = await Eventually.Until(
            SummaryAsync, s => s["participations"]!.GetValue<int>() == 3 && s["practitionersTrained"]!.GetValue<int>() == 2, Deadline, "two of three completed");

        await PublishAsync(events);
        await PublishAsync(events.Reverse());
        await Eventually.Until(async () => await _broker.AcknowledgedAsync("reporting-training") >= 3 * events.Length, Deadline, "every copy consumed");

        var after = await SummaryAsync();
        Assert.Equal(expected.ToJsonString(), after.ToJsonString());
        Assert.Equal((2, 2, 3), (after["practitionersTrained"]!.GetValue<int>(), after["countries"]!.GetValue<int>(), after["participations"]!.GetValue<int>()));
        Assert.Equal(2, after["byTopic"]!["darknet-investigations"]!.GetValue<int>());
        Assert.Equal(1, after["byAgencyType"]!["central-bank"]!.GetValue<int>());
        Assert.Equal(0, await _broker.MessagesInAsync("reporting-training_error"));
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
