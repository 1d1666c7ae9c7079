using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage;

public enum StorageProvider
{
    Mongo,
    Sqlite,
}

/// <summary>
/// <c>Storage:Provider</c> (Mongo by default: a service run alone is production-shaped),
/// <c>Storage:SqlitePath</c> (a folder, one file per service), <c>ConnectionStrings:Mongo</c> and
/// <c>Storage:DatabasePrefix</c> (one database per service: prefix-service).
/// </summary>
public sealed record StorageSettings(StorageProvider Provider, string SqlitePath, string MongoConnectionString, string DatabasePrefix)
{
    public static StorageSettings From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? nameof(StorageProvider.Mongo);
        return new StorageSettings(
            Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Storage:Provider is '{provider}'; expected Mongo or Sqlite."),
            configuration["Storage:SqlitePath"] ?? "data",
            configuration.GetConnectionString("Mongo") ?? "mongodb://localhost:27017/?replicaSet=rs0",
            configuration["Storage:DatabasePrefix"] ?? "cybercrime");
    }

    public string SqliteFile(string storeName) => Path.Combine(SqlitePath, $"{storeName}.db");

    public string MongoDatabase(string storeName) => $"{DatabasePrefix}-{storeName}";

    public MongoClientSettings MongoClientSettings()
    {
        var settings = MongoDB.Driver.MongoClientSettings.FromConnectionString(MongoConnectionString);
        // Fail fast at start-up rather than after the driver's 30-second default.
        if (!MongoConnectionString.Contains("serverSelectionTimeoutMS", StringComparison.OrdinalIgnoreCase))
        {
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(10);
        }

        return settings;
    }
}
