using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.TestSupport;
using MongoDB.Driver;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The same contract against a real MongoDB; skipped, with the reason, where none is reachable.</summary>
public sealed class MongoDocumentStoreTests : DocumentStoreContract
{
    protected override async Task<DocumentStore> CreateStoreAsync()
    {
        var (uri, reason) = await TestMongo.ConnectionAsync();
        if (uri is null)
        {
            Assert.Skip(reason);
        }

        var database = new MongoClient(uri).GetDatabase($"test-{Guid.NewGuid():N}");
        var store = new MongoDocumentStore("test", database, [Widget.Definition]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }
}
