using Cybercrime.TestSupport;
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

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
