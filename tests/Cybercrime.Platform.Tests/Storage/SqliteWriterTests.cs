using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The SQLite writer answers every caller, whatever happens outside a write's own savepoint.</summary>
public sealed class SqliteWriterTests : IDisposable
{
    /// <summary>Far longer than any answer these tests expect: reaching it means a caller was left waiting.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(25);

    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-writer-").FullName;

    [Fact]
    public async Task A_write_while_another_connection_holds_the_lock_fails_at_its_deadline_and_is_never_committed()
    {
        var path = Path.Combine(_folder, "locked.db");
        await using var store = new SqliteDocumentStore("locked", path, [Widget.Definition], writeDeadline: TimeSpan.FromSeconds(1));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var widgets = store.Collection<Widget>();

        await using (var holder = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                widgets.SaveAsync(Widget.Make("while-locked"), 0, [], TestContext.Current.CancellationToken).WaitAsync(Hang, TestContext.Current.CancellationToken));
        }

        await widgets.SaveAsync(Widget.Make("after"), 0, [], TestContext.Current.CancellationToken).WaitAsync(Hang, TestContext.Current.CancellationToken);
        Assert.NotNull(await widgets.FindAsync("after", TestContext.Current.CancellationToken));
        Assert.Null(await widgets.FindAsync("while-locked", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_the_writer_cannot_open_its_connection_every_pending_write_fails_with_the_error()
    {
        var folder = Path.Combine(_folder, "gone");
        await using var store = new SqliteDocumentStore("gone", Path.Combine(folder, "gone.db"), [Widget.Definition], writeDeadline: TimeSpan.FromMinutes(5));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var widgets = store.Collection<Widget>();

        var writes = Enumerable.Range(0, 20).Select(i => widgets.SaveAsync(Widget.Make($"w{i}"), 0, [], TestContext.Current.CancellationToken)).ToList();

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<SqliteException>(() => write.WaitAsync(Hang, TestContext.Current.CancellationToken));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
