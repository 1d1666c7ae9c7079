using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// An open connection that keeps its statements prepared. Microsoft.Data.Sqlite parses and plans
/// the SQL of every new command again, which the pipeline benchmark showed to be a large share of a
/// request's work; the adapter's statements are few and fixed, so each is prepared once per connection.
/// Used by one caller at a time.
/// </summary>
internal sealed class PreparedConnection(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The transaction that statements run in, while the writer has one open.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>
    /// The statement for <paramref name="sql"/>, prepared on first use, with no parameters bound.
    /// Only for fixed SQL: text that varies (an IN list) belongs in <see cref="OneOff"/>.
    /// </summary>
    public SqliteCommand Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>A command for SQL that is not worth keeping; dispose it after use.</summary>
    public SqliteCommand OneOff()
    {
        var command = connection.CreateCommand();
        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }
}
