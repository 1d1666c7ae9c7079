using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>What every storage adapter must do; each adapter runs these against a real database.</summary>
public abstract partial class DocumentStoreContract : IAsyncDisposable
{
    private readonly List<DocumentStore> _stores = [];

    /// <summary>A fresh, empty, initialised store holding the widget collection.</summary>
    protected abstract Task<DocumentStore> CreateStoreAsync();

    /// <summary>Disposes every store the test created, so none outlives it with open files or writers.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<(DocumentStore Store, IDocumentCollection<Widget> Widgets)> FreshAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return (store, store.Collection<Widget>());
    }

    private static IIntegrationEvent Event(string office = "VIE") => new ParticipantRegistered(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, office, Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.LawEnforcement, null, EnrolmentStatus.Registered));

    [Fact]
    public async Task A_saved_document_reads_back_whole()
    {
        var (_, widgets) = await FreshAsync();
        var widget = Widget.Make("a", owner: Guid.NewGuid(), kind: WidgetKind.VeryLarge);

        await widgets.SaveAsync(widget, 0, [], TestContext.Current.CancellationToken);

        var read = await widgets.FindAsync("a", TestContext.Current.CancellationToken);
        Assert.NotNull(read);
        Assert.Equivalent(widget, read, strict: true);
        Assert.Null(await widgets.FindAsync("missing", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Saving_puts_the_events_in_the_outbox_in_the_same_write()
    {
        var (store, widgets) = await FreshAsync();
        var first = Event();
        var second = Event();

        await widgets.SaveAsync(Widget.Make("a"), 0, [first, second], TestContext.Current.CancellationToken);

        var pending = await store.PendingEventsAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal([first.EventId, second.EventId], pending.Select(p => p.Message.EventId));
        Assert.All(pending, p => Assert.Equal(("widgets", "a"), (p.Collection, p.DocumentId)));
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(first, first.GetType(), ContractJson.Options),
            System.Text.Json.JsonSerializer.Serialize(pending[0].Message.Deserialize().Message, first.GetType(), ContractJson.Options));
    }

    [Fact]
    public async Task Inserting_an_existing_id_conflicts_and_writes_nothing()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("a", name: "first"), 0, [Event()], TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            widgets.SaveAsync(Widget.Make("a", name: "second"), 0, [Event()], TestContext.Current.CancellationToken));

        Assert.Equal("first", (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Name);
        Assert.Single(await store.PendingEventsAsync(10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stale_expected_version_conflicts_and_writes_nothing()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("a", version: 1, name: "v1"), 0, [], TestContext.Current.CancellationToken);
        await widgets.SaveAsync(Widget.Make("a", version: 2, name: "v2"), 1, [Event()], TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            widgets.SaveAsync(Widget.Make("a", version: 2, name: "lost update"), 1, [Event()], TestContext.Current.CancellationToken));

        var read = await widgets.FindAsync("a", TestContext.Current.CancellationToken);
        Assert.Equal(("v2", 2L), (read!.Name, read.Version));
        Assert.Single(await store.PendingEventsAsync(10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_commit_of_several_documents_writes_all_of_them_and_their_events()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("a", version: 1), 0, [], TestContext.Current.CancellationToken);

        await store.CommitAsync(
            new Changes().Save(Widget.Make("a", version: 2, name: "a2"), 1, Event()).Save(Widget.Make("b"), 0, Event(), Event()),
            TestContext.Current.CancellationToken);

        Assert.Equal("a2", (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Name);
        Assert.NotNull(await widgets.FindAsync("b", TestContext.Current.CancellationToken));
        Assert.Equal(3, (await store.PendingEventsAsync(10, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_commit_with_one_stale_document_writes_nothing_at_all()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("taken"), 0, [], TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(
            new Changes().Save(Widget.Make("fresh"), 0, Event()).Save(Widget.Make("taken"), 0, Event()),
            TestContext.Current.CancellationToken));

        Assert.Null(await widgets.FindAsync("fresh", TestContext.Current.CancellationToken));
        Assert.Empty(await store.PendingEventsAsync(10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_commits_succeed_or_fail_each_on_its_own()
    {
        var (store, widgets) = await FreshAsync();
        for (var i = 0; i < 10; i++)
        {
            await widgets.SaveAsync(Widget.Make($"taken-{i}"), 0, [], TestContext.Current.CancellationToken);
        }

        var attempts = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            widgets.SaveAsync(Widget.Make($"taken-{i}", name: "lost"), 0, [Event()], TestContext.Current.CancellationToken),
            widgets.SaveAsync(Widget.Make($"new-{i}"), 0, [Event()], TestContext.Current.CancellationToken),
        }).ToList();
        await Task.WhenAll(attempts.Select(async a => { try { await a; } catch (ConcurrencyConflictException) { } }));

        Assert.Equal(10, attempts.Count(a => a.IsCompletedSuccessfully));
        Assert.All(attempts.Where(a => a.IsFaulted), a => Assert.IsType<ConcurrencyConflictException>(a.Exception!.InnerException));
        Assert.Equal(10, (await store.PendingEventsAsync(100, TestContext.Current.CancellationToken)).Count);
        var taken = await widgets.FindManyAsync([.. Enumerable.Range(0, 10).Select(i => $"taken-{i}")], TestContext.Current.CancellationToken);
        Assert.All(taken, w => Assert.Equal("w", w.Name));
    }

    [Fact]
    public async Task Acknowledging_removes_only_the_published_events()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("a", version: 1), 0, [Event(), Event()], TestContext.Current.CancellationToken);
        var published = await store.PendingEventsAsync(10, TestContext.Current.CancellationToken);
        var later = Event();
        await widgets.SaveAsync(Widget.Make("a", version: 2), 1, [later], TestContext.Current.CancellationToken);

        await store.AcknowledgeAsync(published, TestContext.Current.CancellationToken);

        var remaining = await store.PendingEventsAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal([later.EventId], remaining.Select(p => p.Message.EventId));
        Assert.Equal(2, (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Version);
    }

    [Fact]
    public async Task Pending_events_are_limited_to_the_batch_size()
    {
        var (store, widgets) = await FreshAsync();
        for (var i = 0; i < 5; i++)
        {
            await widgets.SaveAsync(Widget.Make($"w{i}"), 0, [Event()], TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, (await store.PendingEventsAsync(3, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_save_with_events_signals_the_dispatcher()
    {
        var (store, widgets) = await FreshAsync();
        Assert.False(await store.OutboxSignal.WaitAsync(TimeSpan.Zero, TestContext.Current.CancellationToken));

        await widgets.SaveAsync(Widget.Make("a"), 0, [Event()], TestContext.Current.CancellationToken);

        Assert.True(await store.OutboxSignal.WaitAsync(TimeSpan.Zero, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upsert_if_newer_applies_new_and_newer_versions_only()
    {
        var (_, widgets) = await FreshAsync();

        Assert.True(await widgets.UpsertIfNewerAsync(Widget.Make("a", version: 2, name: "v2"), TestContext.Current.CancellationToken));
        Assert.False(await widgets.UpsertIfNewerAsync(Widget.Make("a", version: 1, name: "v1 late"), TestContext.Current.CancellationToken));
        Assert.False(await widgets.UpsertIfNewerAsync(Widget.Make("a", version: 2, name: "v2 again"), TestContext.Current.CancellationToken));
        Assert.Equal("v2", (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Name);

        Assert.True(await widgets.UpsertIfNewerAsync(Widget.Make("a", version: 3, name: "v3"), TestContext.Current.CancellationToken));
        Assert.Equal("v3", (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Name);
    }

    [Fact]
    public async Task Delete_all_empties_the_collection_and_it_fills_again()
    {
        var (_, widgets) = await FreshAsync();
        var token = TestContext.Current.CancellationToken;
        foreach (var id in new[] { "a", "b", "c" })
        {
            await widgets.UpsertIfNewerAsync(Widget.Make(id, version: 5), token);
        }

        Assert.Equal(3, await widgets.DeleteAllAsync(token));

        Assert.Equal(0, await widgets.CountAsync(Filter.All, token));
        Assert.True(await widgets.UpsertIfNewerAsync(Widget.Make("a", version: 1, name: "again"), token));
        Assert.Equal("again", (await widgets.FindAsync("a", token))!.Name);
    }

    [Fact]
    public async Task Keyset_pages_read_every_document_once_in_id_order()
    {
        var (_, widgets) = await FreshAsync();
        var token = TestContext.Current.CancellationToken;
        var ids = Enumerable.Range(0, 23).Select(i => $"w{i:D2}").ToList();
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            await widgets.UpsertIfNewerAsync(Widget.Make(id), token);
        }

        var pages = new List<IReadOnlyList<Widget>>();
        await foreach (var page in widgets.PagesAsync(5, token))
        {
            pages.Add(page);
        }

        Assert.Equal([5, 5, 5, 5, 3], pages.Select(p => p.Count));
        Assert.Equal(ids, pages.SelectMany(p => p).Select(w => w.Id));
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_document_keep_the_newest()
    {
        var (_, widgets) = await FreshAsync();

        await Task.WhenAll(Enumerable.Range(1, 20).Reverse().Select(v =>
            widgets.UpsertIfNewerAsync(Widget.Make("a", version: v, name: $"v{v}"), TestContext.Current.CancellationToken)));

        Assert.Equal("v20", (await widgets.FindAsync("a", TestContext.Current.CancellationToken))!.Name);
    }

    [Fact]
    public async Task Where_matches_strings_numbers_guids_and_enums_on_indexed_fields()
    {
        var (_, widgets) = await FreshAsync();
        var owner = Guid.NewGuid();
        await widgets.SaveAsync(Widget.Make("a", name: "alpha", year: 2019, owner: owner, kind: WidgetKind.VeryLarge), 0, [], TestContext.Current.CancellationToken);
        await widgets.SaveAsync(Widget.Make("b", name: "beta", year: 2020), 0, [], TestContext.Current.CancellationToken);
        await widgets.SaveAsync(Widget.Make("c", name: "gamma", year: 2020), 0, [], TestContext.Current.CancellationToken);

        Assert.Equal(["a", "c"], Ids(await widgets.WhereAsync("name", ["alpha", "gamma", "nobody"], TestContext.Current.CancellationToken)));
        Assert.Equal(["b", "c"], Ids(await widgets.WhereAsync("year", [2020], TestContext.Current.CancellationToken)));
        Assert.Equal(["a"], Ids(await widgets.WhereAsync("owner", [owner], TestContext.Current.CancellationToken)));
        Assert.Equal(["a"], Ids(await widgets.WhereAsync("kind", [WidgetKind.VeryLarge], TestContext.Current.CancellationToken)));
        Assert.Empty(await widgets.WhereAsync("year", Array.Empty<int>(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Where_takes_more_values_than_one_statement_binds()
    {
        var (_, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("first", name: "n0"), 0, [], TestContext.Current.CancellationToken);
        await widgets.SaveAsync(Widget.Make("last", name: "n1199"), 0, [], TestContext.Current.CancellationToken);

        var names = Enumerable.Range(0, 1200).Select(i => $"n{i}").ToList();

        Assert.Equal(["first", "last"], Ids(await widgets.WhereAsync("name", names, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Where_refuses_a_field_that_is_not_indexed()
    {
        var (_, widgets) = await FreshAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => widgets.WhereAsync("size", [1L], TestContext.Current.CancellationToken));
        Assert.Contains("not an indexed field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialising_twice_is_harmless_and_keeps_the_data()
    {
        var (store, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("a"), 0, [Event()], TestContext.Current.CancellationToken);

        await store.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(await widgets.FindAsync("a", TestContext.Current.CancellationToken));
        Assert.Single(await store.PendingEventsAsync(10, TestContext.Current.CancellationToken));
    }

    private static string[] Ids(IEnumerable<Widget> widgets) => [.. widgets.Select(w => w.Id).Order(StringComparer.Ordinal)];
}
