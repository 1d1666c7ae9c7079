using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using MongoDB.Bson;

namespace Cybercrime.Platform.Tests.Http;

/// <summary>Idempotency records expire: a TTL index on MongoDB, a sweep on SQLite.</summary>
public sealed class IdempotencyExpiryTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-expiry-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IdempotencyRecord Record(string id, DateTime expiresAt) => new(id, 1, "F", 201, "{}", null, expiresAt.AddHours(-24), expiresAt);

    [Fact]
    public void On_MongoDB_a_ttl_index_deletes_each_record_at_its_own_expiry_date()
    {
        var ttl = MongoDefinitions.Indexes(IdempotencyRecord.Collection).Single(index => index.Options.ExpireAfter is not null);

        Assert.Equal(new BsonDocument("expiresAt", 1), ttl.Keys.Render(new(MongoDB.Bson.Serialization.BsonSerializer.LookupSerializer<BsonDocument>(), MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry)));
        Assert.Equal((TimeSpan.Zero, "ttl_expiresAt"), (ttl.Options.ExpireAfter, ttl.Options.Name));
    }

    [Fact]
    public async Task On_SQLite_the_sweep_deletes_expired_records_and_keeps_the_others()
    {
        await using var store = new SqliteDocumentStore("test", Path.Combine(_folder, "test.db"), [IdempotencyRecord.Collection]);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var records = store.Collection<IdempotencyRecord>();
        await store.CommitAsync(new Changes()
            .Save(Record("expired", Now.AddTicks(-1)), 0)
            .Save(Record("fresh", Now.AddMilliseconds(1)), 0), TestContext.Current.CancellationToken);

        var deleted = await SqliteExpirySweep.DeleteExpiredAsync(store, Now, TestContext.Current.CancellationToken);

        Assert.Equal(1, deleted);
        Assert.Null(await records.FindAsync("expired", TestContext.Current.CancellationToken));
        Assert.NotNull(await records.FindAsync("fresh", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Retention_is_24_hours_unless_configured()
    {
        Assert.Equal(TimeSpan.FromHours(24), IdempotencySettings.From(new ConfigurationBuilder().Build()).Retention);
        Assert.Equal(TimeSpan.FromHours(2), IdempotencySettings.From(Configuration("2")).Retention);
        Assert.Throws<InvalidOperationException>(() => IdempotencySettings.From(Configuration("0")));
    }

    [Fact]
    public void A_record_is_expired_from_its_expiry_date_on_and_one_without_a_date_is_expired()
    {
        Assert.False(Record("a", Now.AddTicks(1)).HasExpired(Now));
        Assert.True(Record("a", Now).HasExpired(Now));
        Assert.True((Record("a", Now) with { ExpiresAt = default }).HasExpired(Now));
    }

    [Fact]
    public void On_MongoDB_a_record_stored_before_expiry_existed_reads_as_expired()
    {
        MongoMapping.Register();
        var old = BsonDocument.Parse("""{ "_id": "GUA|k", "version": 1, "fingerprint": "F", "statusCode": 201, "body": "{}", "location": null }""");

        var record = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<IdempotencyRecord>(old);

        Assert.True(record.HasExpired(Now));
    }

    private static IConfiguration Configuration(string hours) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Idempotency:RetentionHours", hours)]).Build();
}
