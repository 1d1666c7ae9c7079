using Testcontainers.MongoDb;

namespace Cybercrime.TestSupport;

/// <summary>
/// A MongoDB for the Mongo-backed tests: <c>MONGODB_URI</c>, else a Testcontainers replica set where
/// a Docker engine answers, else none, and the tests skip saying so (this workplace has no MongoDB).
/// </summary>
public static class TestMongo
{
    private static readonly Lazy<Task<(string? Uri, string Reason)>> Server = new(FindAsync);

    /// <summary>A connection string, or null with the reason the Mongo tests are skipped.</summary>
    public static Task<(string? Uri, string Reason)> ConnectionAsync() => Server.Value;

    private static async Task<(string? Uri, string Reason)> FindAsync()
    {
        if (Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } configured)
        {
            return (configured, "MONGODB_URI");
        }

        try
        {
            var container = new MongoDbBuilder("mongo:7").WithReplicaSet().Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await container.StartAsync(timeout.Token);
            return (container.GetConnectionString(), "Testcontainers");
        }
        catch (Exception e)
        {
            return (null, $"No MongoDB reachable (MONGODB_URI is not set and Testcontainers could not start one: {e.GetType().Name}). " +
                "The same contract tests ran against SQLite.");
        }
    }
}
