using System.Collections.Concurrent;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Tests.Storage;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>The outbox dispatcher and the project's bus configuration, over a real RabbitMQ.</summary>
public sealed class OutboxOverRabbitMqTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-outbox-").FullName;
    private BrokerVirtualHost _broker = null!;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("outbox");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = _broker.Amqp.ToString(),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = _folder,
        });
        builder.AddDocumentStore("outbox-test", store => store.Collection<Widget>("widgets", "name"));
        builder.Services.AddSingleton<Received>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<RecordingConsumer, RecordingConsumerDefinition>();
            bus.AddConsumer<FailingConsumer, FailingConsumerDefinition>();
            bus.AddConsumer<HealableConsumer, HealableConsumerDefinition>();
        });
        builder.AddMessageBus();
        _host = builder.Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _broker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Saved_events_are_published_with_their_event_id_and_leave_the_outbox()
    {
        var widgets = _host.Services.GetRequiredService<IDocumentCollection<Widget>>();
        var events = Enumerable.Range(0, 3).Select(_ => Registered()).ToList();

        await widgets.SaveAsync(Widget.Make("a"), 0, [events[0], events[1]], TestContext.Current.CancellationToken);
        await widgets.SaveAsync(Widget.Make("b"), 0, [events[2]], TestContext.Current.CancellationToken);

        var received = _host.Services.GetRequiredService<Received>();
        await Eventually.Until(() => Task.FromResult(received.Messages.Count >= 3), Deadline, "three published events");
        Assert.Equal(events.Select(e => e.EventId).Order(), received.Messages.Keys.Order());
        Assert.All(events, e => Assert.Equal(e.Participation, received.Messages[e.EventId].Participation));
        Assert.Equal(("quorum", true), await _broker.QueueAsync("test-recording"));

        var store = _host.Services.GetRequiredKeyedService<DocumentStore>("outbox-test");
        await Eventually.Until(
            async () => (await store.PendingEventsAsync(10, TestContext.Current.CancellationToken)).Count == 0, Deadline, "an empty outbox");
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_parked_in_the_error_queue_with_its_reason()
    {
        var widgets = _host.Services.GetRequiredService<IDocumentCollection<Widget>>();
        var poison = new ParticipantCompleted(
            Guid.NewGuid(), DateTimeOffset.UtcNow, "VIE", Guid.NewGuid(), 2,
            new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Male, "KEN", AgencyType.Judiciary, null, EnrolmentStatus.Completed));

        await widgets.SaveAsync(Widget.Make("poison"), 0, [poison], TestContext.Current.CancellationToken);

        await Eventually.Until(async () => await _broker.MessagesInAsync("test-failing_error") == 1, Deadline, "the poison message in test-failing_error");
        Assert.Equal(FailingConsumer.Attempts, _host.Services.GetRequiredService<Received>().FailedAttempts);
        var parked = await _broker.PeekAsync("test-failing_error");
        var headers = parked!["properties"]!["headers"]!;
        Assert.Contains(FailingConsumer.Reason, headers["MT-Fault-Message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(poison.EventId.ToString(), parked["properties"]!["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parked_message_is_listed_with_its_reason_and_replayed_once_the_cause_is_fixed()
    {
        var received = _host.Services.GetRequiredService<Received>();
        var parked = new ParkedMessages(_broker.Amqp);
        received.Broken = true;
        var headcount = new HeadcountRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, "DKR", Guid.NewGuid(), 3, new TrainingSessionSnapshot(
            "Webinar", [TrainingTopic.Ocsea], TrainingFormat.Webinar, ["fr"], new DateOnly(2020, 7, 1), new DateOnly(2020, 7, 1), null, [], [], null, false,
            SessionStatus.Scheduled, [new Headcount("SEN", Gender.Female, 10)]));
        await _host.Services.GetRequiredService<IDocumentCollection<Widget>>().SaveAsync(Widget.Make("h"), 0, [headcount], TestContext.Current.CancellationToken);

        var listed = await Eventually.Until(
            () => parked.ListAsync("test-healable", TestContext.Current.CancellationToken), l => l.Count == 1, Deadline, "the message parked");
        Assert.Equal((headcount.EventId.ToString(), HealableConsumer.Reason), (listed[0].MessageId, listed[0].Reason));
        Assert.Single(await parked.ListAsync("test-healable", TestContext.Current.CancellationToken));

        received.Broken = false;
        Assert.Equal(1, await parked.ReplayAsync("test-healable", TestContext.Current.CancellationToken));

        await Eventually.Until(() => Task.FromResult(received.Healed.Contains(headcount.EventId)), Deadline, "the replayed message consumed");
        Assert.Empty(await parked.ListAsync("test-healable", TestContext.Current.CancellationToken));
    }

    private static ParticipantRegistered Registered() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Registered));

    private sealed class Received
    {
        private int _failedAttempts;

        public volatile bool Broken;

        public ConcurrentBag<Guid> Healed { get; } = [];

        public ConcurrentDictionary<Guid, ParticipantRegistered> Messages { get; } = new();

        public int FailedAttempts => _failedAttempts;

        public void Failed() => Interlocked.Increment(ref _failedAttempts);
    }

    private sealed class RecordingConsumer(Received received) : IConsumer<ParticipantRegistered>
    {
        public Task Consume(ConsumeContext<ParticipantRegistered> context)
        {
            received.Messages[context.MessageId!.Value] = context.Message;
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingConsumerDefinition : ConsumerDefinition<RecordingConsumer>
    {
        public RecordingConsumerDefinition() => EndpointName = "test-recording";
    }

    private sealed class FailingConsumer(Received received) : IConsumer<ParticipantCompleted>
    {
        public const string Reason = "the store rejected the write";

        /// <summary>The first delivery and two retries.</summary>
        public const int Attempts = 3;

        public Task Consume(ConsumeContext<ParticipantCompleted> context)
        {
            received.Failed();
            throw new InvalidOperationException(Reason);
        }
    }

    /// <summary>Fails while <see cref="Received.Broken"/> holds, as a consumer does until an outage or a bug is fixed.</summary>
    private sealed class HealableConsumer(Received received) : IConsumer<HeadcountRecorded>
    {
        public const string Reason = "the reporting store is down";

        public Task Consume(ConsumeContext<HeadcountRecorded> context)
        {
            if (received.Broken)
            {
                throw new InvalidOperationException(Reason);
            }

            received.Healed.Add(context.MessageId!.Value);
            return Task.CompletedTask;
        }
    }

    private sealed class HealableConsumerDefinition : ConsumerDefinition<HealableConsumer>
    {
        public HealableConsumerDefinition() => EndpointName = "test-healable";
    }

    private sealed class FailingConsumerDefinition : ConsumerDefinition<FailingConsumer>
    {
        public FailingConsumerDefinition() => EndpointName = "test-failing";

        protected override void ConfigureConsumer(
            IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<FailingConsumer> consumerConfigurator, IRegistrationContext context) =>
            endpointConfigurator.UseMessageRetry(retry => retry.Intervals(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)));
    }
}
