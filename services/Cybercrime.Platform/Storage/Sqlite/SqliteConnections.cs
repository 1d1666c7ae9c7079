using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// The store's own pool of <see cref="PreparedConnection"/>s for readers, so that their prepared
/// statements outlive a single call (Microsoft.Data.Sqlite's pool drops them at every close).
/// </summary>
internal sealed class SqliteConnections(string path) : IDisposable
{
    /// <summary>Idle connections kept beyond this are closed: enough for a busy service's concurrent reads.</summary>
    private const int MaxIdle = 32;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
    private readonly ConcurrentBag<PreparedConnection> _idle = [];
    private bool _disposed;

    public async Task<PreparedConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new PreparedConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on an idle connection, or a new one.</summary>
    public async Task<T> ReadAsync<T>(Func<PreparedConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idle.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken);
        try
        {
            return await read(connection);
        }
        finally
        {
            if (_disposed || _idle.Count >= MaxIdle)
            {
                connection.Dispose();
            }
            else
            {
                _idle.Add(connection);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
