using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cybercrime.Benchmarks;

/// <summary>
/// Where the benchmarked services keep their data, and how the benchmark watches it: it reads the
/// stores directly, so that watching adds no load to the services.
/// </summary>
internal abstract class PipelineStore
{
    public abstract string Name { get; }

    /// <summary>The settings that put <paramref name="service"/> on this store; every reporting copy shares one.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings(string service);

    /// <summary>Registrations in reporting's read model.</summary>
    public abstract Task<long> VisibleAsync();

    /// <summary>Events training has stored and not yet published.</summary>
    public abstract Task<long> PendingAsync();

    public abstract Task CleanUpAsync();
}

internal sealed class SqliteFiles(string folder) : PipelineStore
{
    public override string Name => "SQLite";

    public override IReadOnlyDictionary<string, string> Settings(string service) => new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__SqlitePath"] = Path.Combine(folder, service),
    };

    public override Task<long> VisibleAsync() => CountAsync(Path.Combine(folder, "reporting", "reporting.db"), "SELECT count(*) FROM \"training-participations\"");

    public override Task<long> PendingAsync() => CountAsync(Path.Combine(folder, "training", "training.db"), "SELECT count(*) FROM outbox");

    public override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<long> CountAsync(string file, string sql)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // the table is not created yet
        }
    }
}

internal sealed class MongoDatabases(string uri) : PipelineStore
{
    private readonly string _prefix = $"bench-{Guid.NewGuid():N}";
    private readonly MongoClient _client = new(uri);

    public override string Name => "MongoDB";

    public override IReadOnlyDictionary<string, string> Settings(string service) => new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Mongo",
        ["ConnectionStrings__Mongo"] = uri,
        ["Storage__DatabasePrefix"] = _prefix,
    };

    public override Task<long> VisibleAsync() =>
        _client.GetDatabase($"{_prefix}-reporting").GetCollection<BsonDocument>("training-participations").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

    public override async Task<long> PendingAsync()
    {
        var training = _client.GetDatabase($"{_prefix}-training");
        var pending = new BsonDocument("outbox.eventId", new BsonDocument("$exists", true));
        return await training.GetCollection<BsonDocument>("sessions").CountDocumentsAsync(pending)
            + await training.GetCollection<BsonDocument>("registrations").CountDocumentsAsync(pending);
    }

    public override async Task CleanUpAsync()
    {
        await _client.DropDatabaseAsync($"{_prefix}-training");
        await _client.DropDatabaseAsync($"{_prefix}-reporting");
    }
}
