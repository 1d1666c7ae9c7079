using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Evidence.Requests;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Evidence.Tests;

/// <summary>The evidence service in process on a fake clock, what its store holds, and its overdue watch run on demand.</summary>
public sealed class EvidenceApi : ServiceFactory<Program>
{
    public EvidenceApi()
    {
        // The watch runs when a test says so, not on its own timer.
        Settings["Evidence:OverdueCheckSeconds"] = "86400";
        TestServices = services => services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>
    /// Starts at the real time: tokens are minted on this clock but checked on the real one, so a test mints
    /// its clients before it moves the clock on.
    /// </summary>
    public FakeClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public Task<int> RunOverdueWatchAsync() => Services.GetRequiredService<OverdueWatch>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>Requests stored (drafts, deleted ones too) and how many events were ever written to the outbox.</summary>
    public (long Requests, long EventsWritten) Stored()
    {
        using var connection = Open();
        return ((long)Scalar(connection, "SELECT count(*) FROM requests")!,
            (long)Scalar(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)")!);
    }

    /// <summary>Every text value of every row of every table in the store's file.</summary>
    public IReadOnlyList<string> StoredText()
    {
        using var connection = Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var texts = new List<string>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    texts.Add(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) + System.Text.Encoding.UTF8.GetString(bytes) : reader.GetValue(i).ToString()!);
                }
            }
        }

        return texts;
    }

    /// <summary>The raw bytes of the store's files (the database, its write-ahead log), pages freed or not.</summary>
    public byte[] StoredBytes() =>
        [.. Directory.GetFiles(Folder, "evidence.db*").SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "evidence.db")};Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>The requests the tests send.</summary>
internal static class Requests
{
    public static object Body(string caseReference = "FGR-2020-0113", object? addressee = null, string type = "subscriber-information", string priority = "standard") => new
    {
        requestingCountry = "SLV",
        requestingAgency = "prosecution",
        addressee = addressee ?? new { provider = "facebook" },
        requestType = type,
        crimeCategory = "ocsea",
        priority,
        legalBasis = "Budapest Convention, art. 18",
        caseReference,
    };

    public static async Task<string> DraftAsync(HttpClient office, object? body = null)
    {
        var response = await office.PostAsJsonAsync("/evidence/requests", body ?? Body(), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Drafting answered {(int)response.StatusCode}: {json}");
        return json!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> StepAsync(HttpClient office, string id, string step, object? body = null)
    {
        var response = await office.PostAsJsonAsync($"/evidence/requests/{id}/{step}", body ?? new { }, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{step} answered {(int)response.StatusCode}: {json}");
        return json!;
    }

    public static async Task<JsonObject> GetAsync(HttpClient office, string id) =>
        (await office.GetFromJsonAsync<JsonObject>($"/evidence/requests/{id}", TestContext.Current.CancellationToken))!;
}
