using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Training.Tests;

/// <summary>The training service in process (in-memory bus, its own SQLite file), called over HTTP.</summary>
public sealed class TrainingApi : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-training-api-").FullName;

    public string Environment { get; init; } = "Development";

    public Dictionary<string, string?> Settings { get; } = [];

    public async Task<HttpClient> ClientAsync(string? office, params string[] roles)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/dev/token", new { office, roles });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>What the store holds: rows per table, and how many events were ever written to the outbox.</summary>
    public (long Sessions, long Registrations, long EventsWritten) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "training.db")}");
        connection.Open();
        return (Count(connection, "SELECT count(*) FROM sessions"),
            Count(connection, "SELECT count(*) FROM registrations"),
            Count(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", _folder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private sealed record TokenResponse(string Token);
}
