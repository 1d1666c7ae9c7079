using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The data the queries benchmark reads. Reporting's facts are written through its own store; training's
/// sessions and registrations are copies of ones made through the API, written straight into its file
/// (the API would take hours to make a hundred thousand of them, and the import takes at most 20,000).
/// </summary>
internal static class QueriesSeed
{
    private static readonly string[] Offices = ["GUA", "SAL", "NBO", "DKR", "BKK", "VIE"];
    private static readonly string[] Countries = ["GTM", "HND", "SLV", "KEN", "SEN", "THA", "AUT"];

    /// <summary>About 500 participations a session, a multiple of the six offices.</summary>
    public static int SessionsFor(int participations) => Math.Max(6, participations / 500 / 6 * 6);

    /// <summary>
    /// A year of facts: 90% of the sessions end in 2020, one in twenty is cancelled; 60% of participations
    /// are completions, and one in fifty is a second completion of someone already trained that year,
    /// often with another country, so that "each person once, as of their latest completion" has work to do.
    /// </summary>
    public static async Task FactsAsync(WebApplication app, int participations)
    {
        var store = app.Services.GetRequiredKeyedService<DocumentStore>("reporting");
        var topics = Enum.GetValues<TrainingTopic>();
        var formats = Enum.GetValues<TrainingFormat>();
        var sessions = Enumerable.Range(0, SessionsFor(participations)).Select(i =>
        {
            var end = new DateOnly(i % 10 == 9 ? 2021 : 2020, 1 + (i % 12), 1 + (i % 28));
            return new SessionFacts
            {
                Id = Guid.NewGuid().ToString(),
                Version = 1,
                Office = Offices[i % Offices.Length],
                Region = Cybercrime.Contracts.Offices.RegionOf(Offices[i % Offices.Length]),
                Topics = [.. new[] { topics[i % topics.Length], topics[(i * 7 + 3) % topics.Length] }.Distinct()],
                Format = formats[i % formats.Length],
                EndDate = end,
                EndYear = end.Year,
                TrainTheTrainer = i % 10 == 3,
                Cancelled = i % 20 == 7,
                Headcounts = i % 50 == 0 ? [new Headcount("SEN", Gender.Female, 1000 + i)] : [],
            };
        }).ToList();
        await store.CommitAsync(sessions.Aggregate(new Changes(), (changes, s) => changes.Save(s, 0)), CancellationToken.None);

        var people = new Guid[participations];
        for (var start = 0; start < participations; start += 20_000)
        {
            var changes = new Changes();
            for (var j = start; j < Math.Min(participations, start + 20_000); j++)
            {
                var again = j % 50 == 49;
                people[j] = again ? people[j - Offices.Length] : Guid.NewGuid();
                var session = sessions[j % sessions.Count];
                changes.Save(new ParticipationFacts
                {
                    Id = Guid.NewGuid().ToString(),
                    Version = 1,
                    Office = session.Office,
                    SessionId = session.Id,
                    ParticipantId = people[j],
                    Gender = (Gender)(j % 4),
                    CountryCode = Countries[(again ? j / 50 : j) % Countries.Length],
                    AgencyType = (AgencyType)(j % 7),
                    Status = again || j % 10 < 6 ? EnrolmentStatus.Completed
                        : j % 10 < 8 ? EnrolmentStatus.Registered
                        : j % 10 == 8 ? EnrolmentStatus.Attended
                        : j % 20 == 9 ? EnrolmentStatus.Cancelled : EnrolmentStatus.NoShow,
                }, 0);
            }

            await store.CommitAsync(changes, CancellationToken.None);
        }
    }

    /// <summary>The summary's figures in one hand-written SQL statement over the same tables: the baseline.</summary>
    public static async Task HandWrittenSummaryAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH held AS MATERIALIZED (
                SELECT id, body, json_extract(body, '$.endDate') AS endDate, json_extract(body, '$.format') AS format, json_extract(body, '$.trainTheTrainer') AS ttt
                FROM "training-sessions" WHERE json_extract(body, '$.endYear') = 2020 AND json_extract(body, '$.cancelled') = 0),
            raw AS MATERIALIZED (
                SELECT id, json_extract(body, '$.sessionId') AS session, json_extract(body, '$.participantId') AS person,
                    json_extract(body, '$.status') AS status, json_extract(body, '$.countryCode') AS country, json_extract(body, '$.gender') AS gender,
                    json_extract(body, '$.agencyType') AS agency, json_extract(body, '$.office') AS office
                FROM "training-participations" WHERE json_extract(body, '$.sessionId') IN (SELECT id FROM held)),
            p AS MATERIALIZED (SELECT raw.*, h.endDate, h.format, h.ttt FROM raw JOIN held h ON h.id = raw.session),
            completed AS MATERIALIZED (SELECT * FROM p WHERE status = 'completed'),
            latest AS MATERIALIZED (
                SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY person ORDER BY endDate DESC, id DESC) AS n FROM completed) WHERE n = 1)
            SELECT 'participations', NULL, count(*) FROM p WHERE status IN ('registered', 'attended', 'completed')
            UNION ALL SELECT 'completions', NULL, count(*) FROM completed
            UNION ALL SELECT 'practitioners', NULL, count(*) FROM latest
            UNION ALL SELECT 'countries', NULL, count(DISTINCT country) FROM latest
            UNION ALL SELECT 'country', country, count(*) FROM latest GROUP BY country
            UNION ALL SELECT 'gender', gender, count(*) FROM latest GROUP BY gender
            UNION ALL SELECT 'agency', agency, count(*) FROM latest GROUP BY agency
            UNION ALL SELECT 'office', office, count(*) FROM latest GROUP BY office
            UNION ALL SELECT 'format', format, count(DISTINCT person) FROM completed GROUP BY format
            UNION ALL SELECT 'topic', t.value, count(DISTINCT c.person) FROM completed c JOIN held h ON h.id = c.session, json_each(h.body, '$.topics') t GROUP BY t.value
            UNION ALL SELECT 'trainers', NULL, count(DISTINCT person) FROM completed WHERE ttt = 1
            UNION ALL SELECT 'headcount', NULL, coalesce(sum(json_extract(h.value, '$.count')), 0) FROM held, json_each(held.body, '$.headcounts') h;
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>Two sessions of GUA, with <paramref name="few"/> and <paramref name="many"/> registrations copied from one made through the API.</summary>
    public static async Task<(string Few, string Many)> RegistrationsAsync(HttpClient gua, string file, int few, int many)
    {
        var small = await CreateSessionAsync(gua);
        var large = await CreateSessionAsync(gua);
        var made = await gua.PostAsJsonAsync($"/training/sessions/{small}/registrations", new
        {
            participant = new { externalRef = "template", gender = "female", countryCode = "GTM", agencyType = "prosecution" },
        });
        made.EnsureSuccessStatusCode();
        await CopyAsync(file, "registrations", "SELECT body FROM registrations LIMIT 1", few - 1, (body, i) =>
        {
            body["sessionId"] = small;
            body["participantId"] = Guid.NewGuid().ToString();
            body["externalRef"] = $"few-{i}";
            body["status"] = i % 3 == 0 ? "completed" : "registered";
        });
        await CopyAsync(file, "registrations", "SELECT body FROM registrations LIMIT 1", many, (body, i) =>
        {
            body["sessionId"] = large;
            body["participantId"] = Guid.NewGuid().ToString();
            body["externalRef"] = $"many-{i}";
            body["status"] = i % 3 == 0 ? "completed" : "registered";
        });
        await KeepEnrolmentsAsync(file, small);
        await KeepEnrolmentsAsync(file, large);
        return (small, large);
    }

    /// <summary><paramref name="count"/> sessions of the office, one made through the API and the rest copies of it on other dates.</summary>
    public static async Task SessionsAsync(HttpClient office, string file, string code, int count)
    {
        var made = await CreateSessionAsync(office);
        await CopyAsync(file, "sessions", $"SELECT body FROM sessions WHERE id = '{made}'", count - 1, (body, i) =>
        {
            var start = new DateOnly(2015, 1, 1).AddDays(i % 3650);
            body["details"]!["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body["details"]!["endDate"] = start.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body["office"] = code;
        });
        await ExecuteAsync(file, "UPDATE offices SET body = json_set(body, '$.scheduled', $value) WHERE id = $id", code, count);
    }

    /// <summary>
    /// Gives the session the places and enrolments by status that the API would have kept had its copied
    /// registrations been made through it, counted from the registrations themselves.
    /// </summary>
    private static async Task KeepEnrolmentsAsync(string file, string session)
    {
        var counts = new Dictionary<string, int>();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=60"))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT json_extract(body, '$.status'), count(*) FROM registrations WHERE json_extract(body, '$.sessionId') = $id GROUP BY 1";
            read.Parameters.AddWithValue("$id", session);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        int Of(string status) => counts.GetValueOrDefault(status);
        var enrolments = new JsonObject
        {
            ["registered"] = Of("registered"), ["waitlisted"] = Of("waitlisted"), ["attended"] = Of("attended"),
            ["completed"] = Of("completed"), ["cancelled"] = Of("cancelled"), ["noShow"] = Of("no-show"),
        };
        var places = Of("registered") + Of("attended") + Of("completed") + Of("no-show");
        await ExecuteAsync(file, "UPDATE sessions SET body = json_set(body, '$.enrolments', json($value), '$.placesTaken', " + places + ") WHERE id = $id",
            session, enrolments.ToJsonString());
    }

    private static async Task ExecuteAsync(string file, string sql, string id, object value)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$value", value);
        Assert(await command.ExecuteNonQueryAsync() == 1, sql);
    }

    private static void Assert(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"The seed expected one row changed by: {what}");
        }
    }

    private static async Task<string> CreateSessionAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/training/sessions", new
        {
            title = "Digital evidence for prosecutors",
            topics = new[] { "digital-evidence" },
            format = "online",
            languages = new[] { "es" },
            startDate = "2020-05-04",
            endDate = "2020-05-08",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Inserts <paramref name="count"/> copies of a document, each with a new id and changed by <paramref name="change"/>, in one transaction.</summary>
    private static async Task CopyAsync(string file, string table, string template, int count, Action<JsonNode, int> change)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = template;
        var body = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" (id, version, body) VALUES ($id, 1, $body);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var json = insert.Parameters.Add("$body", SqliteType.Text);
        for (var i = 0; i < count; i++)
        {
            var key = Guid.NewGuid().ToString();
            body["id"] = key;
            change(body, i);
            (id.Value, json.Value) = (key, body.ToJsonString(ContractJson.Options));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
