using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Contracts.Reporting;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// A rebuild empties reporting's facts, and the producers' restated events (published here as they would
/// publish them) bring back the same figures; a restatement never takes a fact back behind a live event.
/// </summary>
public sealed class RebuildTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset At = new(2020, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly End = new(2020, 10, 2);

    [Fact]
    public async Task Restated_events_on_an_emptied_store_give_the_same_figures_and_the_rebuild_says_when_it_is_done()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        using var operations = await reporting.ClientAsync(null, "operations");
        var session = TrainingFacts.Session(End, [TrainingTopic.Osint], office: "NBO");
        var people = Enumerable.Range(0, 4).Select(i => TrainingFacts.In(session, Guid.NewGuid(), country: i % 2 == 0 ? "KEN" : "SEN")).ToList();
        var views = new ObservationRecorded(Guid.NewGuid(), At, "NBO", Guid.NewGuid(), 2, Guid.NewGuid(), Channel.Twitter, ReachMetric.Views, "2020-05", "KEN", null, 4200, 4000);
        await PublishAsync([session, .. people.Select(p => p.Completion), views]);
        var before = await Eventually.Until(() => SummariesAsync(hq), s => s.Contains("\"practitionersTrained\":4", StringComparison.Ordinal) && s.Contains("\"year\":2020,\"views\":4200,", StringComparison.Ordinal), Deadline, "the live events");

        var started = await operations.PostAsync("/reporting/rebuilds", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var href = (await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["href"]!.GetValue<string>();
        var emptied = await ProgressAsync(operations, href);
        Assert.Equal(
            """{"training":{"announced":null,"applied":0},"evidence":{"announced":null,"applied":0},"awareness":{"announced":null,"applied":0},"expert-group":{"announced":null,"applied":0}}""",
            emptied["areas"]!.ToJsonString());
        Assert.False(emptied["done"]!.GetValue<bool>());
        Assert.DoesNotContain("4200", await SummariesAsync(hq), StringComparison.Ordinal);

        var id = Guid.Parse(href.Split('/')[^1]);
        var bus = reporting.Services.GetRequiredService<IBus>();
        await Restatements.PublishAsync(bus, id, "training", [
            new TrainingSessionRestated(Guid.NewGuid(), At, session.Office, session.SessionId, session.Version, session.Session),
            .. people.Select(p => new RegistrationRestated(Guid.NewGuid(), At, p.Session.Office, p.RegistrationId, 4, p.Completion.Participation)),
        ]);
        await Restatements.PublishAsync(bus, id, "awareness",
            new ObservationRestated(Guid.NewGuid(), At, "NBO", views.ObservationId, 2, views.CampaignId, views.Channel, views.Metric, views.Period, views.Country, null, 4200));
        foreach (var (area, count) in new[] { ("training", 5L), ("evidence", 0L), ("awareness", 1L), ("expert-group", 0L) })
        {
            await bus.Publish(new StateRestated(id, area, count, At), TestContext.Current.CancellationToken);
        }

        var done = await Eventually.Until(() => ProgressAsync(operations, href), p => p["done"]!.GetValue<bool>(), Deadline, "the rebuild to be done");
        Assert.Equal(
            """{"training":{"announced":5,"applied":5},"evidence":{"announced":0,"applied":0},"awareness":{"announced":1,"applied":1},"expert-group":{"announced":0,"applied":0}}""",
            done["areas"]!.ToJsonString());
        Assert.Equal(before, await SummariesAsync(hq));
    }

    [Fact]
    public async Task A_restatement_older_than_the_live_fact_changes_nothing()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        var session = TrainingFacts.Session(End, [TrainingTopic.Osint], office: "DKR");
        var ana = TrainingFacts.In(session, Guid.NewGuid(), country: "SEN");
        await PublishAsync([session, ana.Completion]);
        await Eventually.Until(() => SummaryAsync(hq, "DKR"), s => s.Contains("\"practitionersTrained\":1,", StringComparison.Ordinal), Deadline, "the completion");

        // Read before the completion (version 4) was committed, published after it was consumed.
        var consumed = new Consumed<RegistrationRestated>();
        using var observed = reporting.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        await PublishAsync([new RegistrationRestated(Guid.NewGuid(), At, "DKR", ana.RegistrationId, 3, ana.Attendance.Participation)]);
        await consumed.Once.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Contains("\"practitionersTrained\":1,", await SummaryAsync(hq, "DKR"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_operations_may_rebuild_an_unknown_rebuild_is_not_found_and_a_malformed_id_is_named()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        using var operations = await reporting.ClientAsync(null, "operations");

        var refused = await hq.PostAsync("/reporting/rebuilds", null, TestContext.Current.CancellationToken);
        var unknown = await operations.GetAsync($"/reporting/rebuilds/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        var malformed = await operations.GetAsync("/reporting/rebuilds/nope", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (refused.StatusCode, unknown.StatusCode, malformed.StatusCode));
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = (await malformed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.NotNull(problem["errors"]?["id"]);
    }

    private async Task PublishAsync(IEnumerable<IIntegrationEvent> events)
    {
        var bus = reporting.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Nairobi's figures only: another test's facts, which the rebuild empties too, are not its concern.</summary>
    private static async Task<string> SummariesAsync(HttpClient hq) =>
        await SummaryAsync(hq, "NBO") + await hq.GetStringAsync("/reporting/awareness/summary?year=2020&office=NBO", TestContext.Current.CancellationToken);

    private static Task<string> SummaryAsync(HttpClient hq, string office) =>
        hq.GetStringAsync($"/reporting/training/summary?year=2020&office={office}", TestContext.Current.CancellationToken);

    private static async Task<JsonObject> ProgressAsync(HttpClient operations, string href) =>
        (await operations.GetFromJsonAsync<JsonObject>(href, TestContext.Current.CancellationToken))!;

    /// <summary>Completes once a message of the type has been consumed.</summary>
    private sealed class Consumed<T> : IConsumeMessageObserver<T> where T : class
    {
        private readonly TaskCompletionSource _once = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Once => _once.Task;

        public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<T> context)
        {
            _once.TrySetResult();
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
        {
            _once.TrySetException(exception);
            return Task.CompletedTask;
        }
    }
}
