using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Awareness.Tests;

/// <summary>The awareness service in process, what its store holds, and the requests the tests send.</summary>
public sealed class AwarenessApi : ServiceFactory<Program>
{
    public static readonly object Campaign = new
    {
        name = "Navega seguro",
        audiences = new[] { "children", "parents" },
        countries = new[] { "GTM" },
        languages = new[] { "es" },
        channels = new[] { "tv", "twitter" },
        partners = new[] { "TV Azteca" },
        startDate = "2020-04-15",
        endDate = "2020-12-31",
    };

    /// <summary>Rows per collection, and how many events were ever written to the outbox (SQLite's autoincrement counter).</summary>
    public (long Campaigns, long Observations, long Activities, long EventsWritten) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "awareness.db")};Default Timeout=30");
        connection.Open();
        return (Count(connection, "SELECT count(*) FROM campaigns"),
            Count(connection, "SELECT count(*) FROM observations"),
            Count(connection, "SELECT count(*) FROM activities"),
            Count(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    }

    /// <summary>Each stored observation's period and version: the order reporting applies its values in.</summary>
    public IReadOnlyDictionary<string, long> ObservationVersions()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "awareness.db")};Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(body, '$.period'), version FROM observations";
        using var reader = command.ExecuteReader();
        var versions = new Dictionary<string, long>();
        while (reader.Read())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    public static async Task<string> LaunchAsync(HttpClient office, object? campaign = null)
    {
        var response = await office.PostAsJsonAsync("/awareness/campaigns", campaign ?? Campaign, TestContext.Current.CancellationToken);
        return (await OkAsync(response))["id"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> ObserveAsync(HttpClient office, string campaign, params object[] observations) =>
        office.PostAsJsonAsync($"/awareness/campaigns/{campaign}/observations", new { observations }, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ImportAsync(HttpClient office, string campaign, string csv) =>
        office.PostAsync($"/awareness/campaigns/{campaign}/observations/import", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

    public static object Observation(string channel, string metric, string period, long value, string? country = "GTM", string? language = "es") =>
        new { channel, metric, period, value, country, language };

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The answer's (received, recorded, replaced, unchanged).</summary>
    public static async Task<(int, int, int, int)> CountsAsync(HttpResponseMessage response)
    {
        var body = await OkAsync(response);
        return (body["received"]!.GetValue<int>(), body["recorded"]!.GetValue<int>(), body["replaced"]!.GetValue<int>(), body["unchanged"]!.GetValue<int>());
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
