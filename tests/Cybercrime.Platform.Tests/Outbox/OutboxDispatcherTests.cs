using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Platform.Tests.Storage;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>The dispatcher over a SQLite store and a bus that fails as brokers do.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-dispatcher-").FullName;
    private readonly RecordingLogger<OutboxDispatcher> _log = new();
    private readonly (MassTransit.IBus Bus, FakeBus Fake) _bus = FakeBus.Create();
    private SqliteDocumentStore _store = null!;
    private OutboxDispatcher? _dispatcher;

    private string Path => System.IO.Path.Combine(_folder, "outbox.db");

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteDocumentStore("test", Path, [Widget.Definition]);
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_event_that_cannot_be_read_is_parked_with_its_reason_and_the_events_after_it_are_published()
    {
        var (poison, later, other) = (Registered(), Registered(), Registered());
        await _store.Collection<Widget>().SaveAsync(Widget.Make("a", version: 1), 0, [poison], TestContext.Current.CancellationToken);
        await _store.Collection<Widget>().SaveAsync(Widget.Make("a", version: 2), 1, [later], TestContext.Current.CancellationToken);
        await _store.Collection<Widget>().SaveAsync(Widget.Make("b"), 0, [other], TestContext.Current.CancellationToken);
        await RenameTypeAsync(poison.EventId, "Cybercrime.Contracts.Training.NoLongerExists");

        await StartAsync(OutboxSettings.Default);

        await Eventually.Until(() => Task.FromResult(_bus.Fake.Confirmed.Count == 2), Deadline, "the two readable events published");
        Assert.Equal(new[] { later.EventId, other.EventId }.Order(), _bus.Fake.Confirmed.Select(e => e.EventId).Order());
        var parked = Assert.Single(await _store.ParkedEventsAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal(poison.EventId, parked.EventId);
        Assert.Contains("NoLongerExists", parked.Reason, StringComparison.Ordinal);
        await Eventually.Until(async () => await _store.OldestPendingAsync(TestContext.Current.CancellationToken) is null, Deadline, "nothing pending");
    }

    [Fact]
    public async Task A_batch_whose_confirms_never_come_is_published_again_after_its_deadline_with_a_warning()
    {
        var events = Enumerable.Range(0, 5).Select(_ => Registered()).ToList();
        foreach (var (@event, i) in events.Select((e, i) => (e, i)))
        {
            await _store.Collection<Widget>().SaveAsync(Widget.Make($"w{i}"), 0, [@event], TestContext.Current.CancellationToken);
        }

        var lost = events[2].EventId;
        var firstAttempt = true;
        _bus.Fake.Delay = e => e.EventId == lost && Interlocked.Exchange(ref firstAttempt, false) ? null : TimeSpan.Zero;

        await StartAsync(OutboxSettings.Default with { PublishTimeout = TimeSpan.FromSeconds(1) });

        await Eventually.Until(async () => await _store.OldestPendingAsync(TestContext.Current.CancellationToken) is null, Deadline, "the outbox emptied");
        Assert.Contains(lost, _bus.Fake.Confirmed.Select(e => e.EventId));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("confirmed not all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_documents_events_are_confirmed_in_the_order_written_even_when_earlier_ones_confirm_slower()
    {
        var events = Enumerable.Range(0, 4).Select(_ => Registered()).ToList();
        await _store.CommitAsync(new Changes().Save(Widget.Make("a"), 0, events), TestContext.Current.CancellationToken);
        // The earlier the event, the longer its confirm takes: publishing them side by side would confirm them backwards.
        _bus.Fake.Delay = e => TimeSpan.FromMilliseconds(40 * (4 - events.FindIndex(x => x.EventId == e.EventId)));

        await StartAsync(OutboxSettings.Default);

        await Eventually.Until(() => Task.FromResult(_bus.Fake.Confirmed.Count == 4), Deadline, "four events published");
        Assert.Equal(events.Select(e => e.EventId), _bus.Fake.Confirmed.Select(e => e.EventId));
    }

    public async ValueTask DisposeAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.StopAsync(CancellationToken.None);
        }

        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task StartAsync(OutboxSettings settings)
    {
        _dispatcher = new OutboxDispatcher(_store, _bus.Bus, settings, _log);
        return _dispatcher.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>As an entry written by an older version looks once its contract type was renamed.</summary>
    private async Task RenameTypeAsync(Guid eventId, string type)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET type = $type WHERE event_id = $event;";
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$event", eventId.ToString());
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    private static ParticipantRegistered Registered() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Registered));
}
