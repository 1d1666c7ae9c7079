using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.TestSupport;
using MongoDB.Driver;

namespace Cybercrime.Reporting.Tests;

public sealed class SqliteTrainingFiguresTests : TrainingFiguresContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-reporting-").FullName;

    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var store = new SqliteDocumentStore("reporting", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), FactsStore.Definitions);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The same figures from a real MongoDB; skipped, with the reason, where none is reachable.</summary>
public sealed class MongoTrainingFiguresTests : TrainingFiguresContract
{
    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var (uri, reason) = await TestMongo.ConnectionAsync();
        if (uri is null)
        {
            Assert.Skip(reason);
        }

        var store = new MongoDocumentStore("reporting", new MongoClient(uri).GetDatabase($"test-{Guid.NewGuid():N}"), FactsStore.Definitions);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }
}
