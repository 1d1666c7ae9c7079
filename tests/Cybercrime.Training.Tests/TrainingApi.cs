using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using Cybercrime.Training.Sessions;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Training.Tests;

/// <summary>The training service in process, and what its store holds.</summary>
public sealed class TrainingApi : ServiceFactory<Program>
{
    /// <summary>Rows per table, and how many events were ever written to the outbox (SQLite's autoincrement counter).</summary>
    public (long Sessions, long Registrations, long EventsWritten) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "training.db")}");
        connection.Open();
        return (Count(connection, "SELECT count(*) FROM sessions"),
            Count(connection, "SELECT count(*) FROM registrations"),
            Count(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    }

    /// <summary>The session as stored.</summary>
    internal TrainingSession StoredSession(string id) =>
        JsonSerializer.Deserialize<TrainingSession>((string)Scalar("SELECT body FROM sessions WHERE id = $p", id)!, ContractJson.Options)!;

    /// <summary>The session's registrations counted by status, straight from their table: what kept counts must equal.</summary>
    internal EnrolmentCounts CountedEnrolments(string sessionId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(body, '$.status'), count(*) FROM registrations WHERE json_extract(body, '$.sessionId') = $p GROUP BY 1";
        command.Parameters.AddWithValue("$p", sessionId);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<EnrolmentStatus, int>();
        while (reader.Read())
        {
            Assert.True(ContractJson.TryParse<EnrolmentStatus>(reader.GetString(0), out var status), reader.GetString(0));
            counts[status] = reader.GetInt32(1);
        }

        return EnrolmentCounts.Of(counts);
    }

    /// <summary>The office's sessions counted in their table, and the count the office keeps (null when it keeps none).</summary>
    public (long Counted, long? Kept) SessionsOf(string office) => (
        (long)Scalar("SELECT count(*) FROM sessions WHERE json_extract(body, '$.office') = $p", office)!,
        (long?)Scalar("SELECT json_extract(body, '$.scheduled') FROM offices WHERE id = $p", office));

    /// <summary>Runs a statement on the store's file, to make data as an earlier version stored it.</summary>
    public void Execute(string sql, string parameter) => Scalar(sql, parameter);

    private object? Scalar(string sql, string parameter)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "training.db")};Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
