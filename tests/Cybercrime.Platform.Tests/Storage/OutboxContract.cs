using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.TestSupport;
using MongoDB.Driver;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The outbox's claims, order and parking, which every storage adapter must keep.</summary>
public abstract class OutboxContract
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(1);

    protected abstract Task<DocumentStore> CreateStoreAsync();

    private static IIntegrationEvent Event() => new ParticipantRegistered(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, "VIE", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.LawEnforcement, null, EnrolmentStatus.Registered));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claimed_event_is_not_claimed_by_another_copy_but_again_by_its_claimant()
    {
        var store = await CreateStoreAsync();
        await store.Collection<Widget>().SaveAsync(Widget.Make("a"), 0, [Event(), Event()], Token);
        await store.Collection<Widget>().SaveAsync(Widget.Make("b"), 0, [Event()], Token);

        Assert.Equal(3, (await store.ClaimAsync("copy-1", 10, Hold, Token)).Count);
        Assert.Empty(await store.ClaimAsync("copy-2", 10, Hold, Token));
        Assert.Equal(3, (await store.ClaimAsync("copy-1", 10, Hold, Token)).Count);
    }

    [Fact]
    public async Task An_expired_claim_is_taken_over_by_another_copy()
    {
        var store = await CreateStoreAsync();
        var @event = Event();
        await store.Collection<Widget>().SaveAsync(Widget.Make("a"), 0, [@event], Token);

        await store.ClaimAsync("died", 10, TimeSpan.Zero, Token);

        Assert.Equal([@event.EventId], (await store.ClaimAsync("survivor", 10, Hold, Token)).Select(p => p.Message.EventId));
    }

    [Fact]
    public async Task A_documents_events_are_claimed_in_the_order_written_and_not_past_an_earlier_one_held_by_another()
    {
        var store = await CreateStoreAsync();
        var widgets = store.Collection<Widget>();
        var (first, second, third) = (Event(), Event(), Event());
        await widgets.SaveAsync(Widget.Make("a", version: 1), 0, [first, second], Token);
        var held = await store.ClaimAsync("copy-1", 10, Hold, Token);
        await widgets.SaveAsync(Widget.Make("a", version: 2), 1, [third], Token);

        Assert.Equal([first.EventId, second.EventId], held.Select(p => p.Message.EventId));
        Assert.Empty(await store.ClaimAsync("copy-2", 10, Hold, Token));

        await store.AcknowledgeAsync(held, Token);
        Assert.Equal([third.EventId], (await store.ClaimAsync("copy-2", 10, Hold, Token)).Select(p => p.Message.EventId));
    }

    [Fact]
    public async Task A_parked_event_is_listed_with_its_reason_blocks_nothing_and_comes_back_when_replayed()
    {
        var store = await CreateStoreAsync();
        var widgets = store.Collection<Widget>();
        var (poison, later) = (Event(), Event());
        await widgets.SaveAsync(Widget.Make("a", version: 1), 0, [poison], Token);
        var claimed = await store.ClaimAsync("copy-1", 10, Hold, Token);
        await widgets.SaveAsync(Widget.Make("a", version: 2), 1, [later], Token);

        await store.ParkAsync(claimed.Single(), "the type no longer resolves", Token);

        var parked = Assert.Single(await store.ParkedEventsAsync(10, Token));
        Assert.Equal(("widgets", "a", poison.EventId, "the type no longer resolves"), (parked.Collection, parked.DocumentId, parked.EventId, parked.Reason));
        Assert.Equal(claimed.Single().Message.Type, parked.Type);
        Assert.Equal([later.EventId], (await store.PendingEventsAsync(10, Token)).Select(p => p.Message.EventId));
        Assert.Equal([later.EventId], (await store.ClaimAsync("copy-2", 10, Hold, Token)).Select(p => p.Message.EventId));

        Assert.Equal(1, await store.ReplayParkedAsync(Token));

        Assert.Empty(await store.ParkedEventsAsync(10, Token));
        Assert.Equal(new[] { later.EventId, poison.EventId }.Order(), (await store.PendingEventsAsync(10, Token)).Select(p => p.Message.EventId).Order());
    }

    [Fact]
    public async Task The_oldest_pending_event_is_known_and_parked_ones_do_not_count()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.OldestPendingAsync(Token));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await store.Collection<Widget>().SaveAsync(Widget.Make("a"), 0, [Event()], Token);

        var oldest = await store.OldestPendingAsync(Token);
        Assert.InRange(oldest!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        await store.ParkAsync((await store.PendingEventsAsync(1, Token)).Single(), "poison", Token);
        Assert.Null(await store.OldestPendingAsync(Token));
    }
}

public sealed class SqliteOutboxTests : OutboxContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-outbox-").FullName;

    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var store = new SqliteDocumentStore("test", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class MongoOutboxTests : OutboxContract
{
    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var (uri, reason) = await TestMongo.ConnectionAsync();
        if (uri is null)
        {
            Assert.Skip(reason);
        }

        var store = new MongoDocumentStore("test", new MongoClient(uri).GetDatabase($"test-{Guid.NewGuid():N}"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }
}
