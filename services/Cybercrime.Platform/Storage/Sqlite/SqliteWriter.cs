using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Storage.Sqlite;

/// <summary>
/// Group commit. SQLite allows one writer at a time and every commit waits for the disk, so writes
/// queue here and one loop applies whatever has gathered in a single transaction, each write inside
/// its own savepoint: a write that fails (a version conflict) is rolled back alone and fails alone,
/// the rest commit together with one sync. Durability is unchanged (synchronous=FULL); the disk is
/// simply waited for once per batch instead of once per write. The loop keeps one connection open,
/// with its statements prepared, for as long as it works.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<PreparedConnection>> _open;
    private readonly Task _loop;
    private PreparedConnection? _connection;

    public SqliteWriter(Func<CancellationToken, Task<PreparedConnection>> open)
    {
        _open = open;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Runs <paramref name="apply"/> in the next batch; its result, or its own exception.</summary>
    public Task<T> WriteAsync<T>(Func<PreparedConnection, CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
    {
        var write = new Write<T>(apply);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }

        return write.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _connection?.Dispose();
    }

    private async Task LoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<IWrite> batch)
    {
        var applied = new List<IWrite>(batch.Count);
        try
        {
            var connection = _connection ??= await _open(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.Connection.BeginTransactionAsync();
            connection.Transaction = transaction;
            foreach (var write in batch)
            {
                await connection.Statement("SAVEPOINT write;").ExecuteNonQueryAsync();
                try
                {
                    await write.ApplyAsync(connection);
                    await connection.Statement("RELEASE write;").ExecuteNonQueryAsync();
                    applied.Add(write);
                }
                catch (Exception e)
                {
                    await connection.Statement("ROLLBACK TO write;").ExecuteNonQueryAsync();
                    await connection.Statement("RELEASE write;").ExecuteNonQueryAsync();
                    write.Fail(e);
                }
            }

            await transaction.CommitAsync();
            connection.Transaction = null;
        }
        catch (Exception e)
        {
            // The commit itself failed (busy, disk): nothing was written; every caller may retry, on a fresh connection.
            _connection?.Dispose();
            _connection = null;
            applied.ForEach(write => write.Fail(e));
            return;
        }

        applied.ForEach(write => write.Succeed());
    }

    private interface IWrite
    {
        Task ApplyAsync(PreparedConnection connection);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<PreparedConnection, CancellationToken, Task<T>> apply) : IWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task ApplyAsync(PreparedConnection connection) => _result = await apply(connection, CancellationToken.None);

        public void Succeed() => Done.TrySetResult(_result!);

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
