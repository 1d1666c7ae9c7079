using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Reporting;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>Live events arriving during a rebuild never make up for restatements still on their way: <c>applied</c> counts restated aggregates taken.</summary>
public sealed class RebuildDoneTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset At = new(2020, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_rebuild_is_done_only_once_the_restated_aggregates_are_taken_whatever_live_facts_arrived()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        using var operations = await reporting.ClientAsync(null, "operations");
        var started = await operations.PostAsync("/reporting/rebuilds", null, TestContext.Current.CancellationToken);
        var href = (await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["href"]!.GetValue<string>();
        var id = Guid.Parse(href.Split('/')[^1]);

        // Live: a session and a completion (two facts), and a late restatement of another rebuild,
        // while training announces it restated two other aggregates: none of those counts as taken.
        var bus = reporting.Services.GetRequiredService<IBus>();
        var live = TrainingFacts.Session(new DateOnly(2020, 10, 2), [TrainingTopic.Osint], office: "NBO");
        var ana = TrainingFacts.In(live, Guid.NewGuid(), country: "KEN");
        await PublishAsync(live, ana.Completion);
        var earlier = TrainingFacts.Session(new DateOnly(2020, 10, 2), [TrainingTopic.Osint], office: "NBO");
        await Restatements.PublishAsync(bus, Guid.NewGuid(), "training",
            new TrainingSessionRestated(Guid.NewGuid(), At, earlier.Office, earlier.SessionId, earlier.Version, earlier.Session));
        foreach (var (area, count) in new[] { ("training", 2L), ("evidence", 0L), ("awareness", 0L), ("expert-group", 0L) })
        {
            await bus.Publish(new StateRestated(id, area, count, At), TestContext.Current.CancellationToken);
        }

        await Eventually.Until(() => hq.GetStringAsync("/reporting/training/summary?year=2020&office=NBO", TestContext.Current.CancellationToken),
            s => s.Contains("\"practitionersTrained\":1,", StringComparison.Ordinal), Deadline, "the live events");
        await Eventually.Until(() => ProgressAsync(operations, href), p => p["areas"]!.AsObject().All(area => area.Value!["announced"] is not null), Deadline, "the announcements");
        var meanwhile = await ProgressAsync(operations, href);
        Assert.False(meanwhile["done"]!.GetValue<bool>());
        Assert.Equal("""{"announced":2,"applied":0}""", meanwhile["areas"]!["training"]!.ToJsonString());

        var restated = TrainingFacts.Session(new DateOnly(2020, 10, 2), [TrainingTopic.Osint], office: "DKR");
        var ben = TrainingFacts.In(restated, Guid.NewGuid(), country: "SEN");
        await Restatements.PublishAsync(bus, id, "training",
            new TrainingSessionRestated(Guid.NewGuid(), At, restated.Office, restated.SessionId, restated.Version, restated.Session),
            new RegistrationRestated(Guid.NewGuid(), At, "DKR", ben.RegistrationId, 4, ben.Completion.Participation));
        var done = await Eventually.Until(() => ProgressAsync(operations, href), p => p["done"]!.GetValue<bool>(), Deadline, "the rebuild to be done");
        Assert.Equal("""{"announced":2,"applied":2}""", done["areas"]!["training"]!.ToJsonString());
    }

    private async Task PublishAsync(params IIntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            await reporting.Services.GetRequiredService<IBus>().Publish(e, e.GetType(), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonObject> ProgressAsync(HttpClient operations, string href) =>
        (await operations.GetFromJsonAsync<JsonObject>(href, TestContext.Current.CancellationToken))!;
}
