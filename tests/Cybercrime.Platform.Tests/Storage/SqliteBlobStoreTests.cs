using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;

namespace Cybercrime.Platform.Tests.Storage;

public sealed class SqliteBlobStoreTests : BlobStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-blobs-").FullName;

    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var store = new SqliteDocumentStore("test", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
