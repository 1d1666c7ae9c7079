using Microsoft.Data.Sqlite;

namespace Cybercrime.Faults;

/// <summary>A service's SQLite file held by another connection with <c>BEGIN IMMEDIATE</c>: nobody else can write until it ends.</summary>
internal static class StoreLock
{
    public static async Task HoldAsync(string database, TimeSpan duration)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        await Task.Delay(duration);
        await using var rollback = connection.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        await rollback.ExecuteNonQueryAsync();
    }
}
