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
/// No caller waits forever: a failure outside a write's savepoint (opening, BEGIN, COMMIT) fails every
/// write of the batch, and a write not applied within its deadline fails with
/// <see cref="StoreUnavailableException"/> and is then skipped, so that it never commits behind its caller's back.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int Busy = 5;
    private const int Locked = 6;
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<PreparedConnection>> _open;
    private readonly TimeSpan _deadline;
    private readonly Task _loop;
    private PreparedConnection? _connection;

    public SqliteWriter(Func<CancellationToken, Task<PreparedConnection>> open, TimeSpan deadline)
    {
        _open = open;
        _deadline = deadline;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Runs <paramref name="apply"/> in the next batch; its result, or its own exception.</summary>
    public async Task<T> WriteAsync<T>(Func<PreparedConnection, CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
    {
        var write = new Write<T>(apply);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }

        try
        {
            return await write.Done.Task.WaitAsync(_deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            if (write.Abandon())
            {
                throw new StoreUnavailableException($"The store took no write for {_deadline.TotalSeconds:0} s; another process may hold its lock.");
            }

            // Already applied in a batch that is committing: its outcome follows at once.
            return await write.Done.Task.WaitAsync(cancellationToken);
        }
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
                if (write.Abandoned)
                {
                    continue;
                }

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
            // Opening, BEGIN, a rollback or the commit failed (busy, locked, disk): nothing was written.
            // Every caller of the batch hears it, not only those already applied; the next batch starts on a fresh connection.
            _connection?.Dispose();
            _connection = null;
            var failure = e is SqliteException { SqliteErrorCode: Busy or Locked }
                ? new StoreUnavailableException("The store is locked by another process.", e)
                : e;
            batch.ForEach(write => write.Fail(failure));
            return;
        }

        applied.ForEach(write => write.Succeed());
    }

    private interface IWrite
    {
        /// <summary>Its caller gave up waiting: it must not be applied any more.</summary>
        bool Abandoned { get; }

        Task ApplyAsync(PreparedConnection connection);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<PreparedConnection, CancellationToken, Task<T>> apply) : IWrite
    {
        private T? _result;
        private int _state;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Abandoned => Volatile.Read(ref _state) == 2;

        /// <summary>True when it had not been applied yet, and now never will be.</summary>
        public bool Abandon() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

        public async Task ApplyAsync(PreparedConnection connection)
        {
            // Once started, it is committed or failed with its batch: the caller waits for that.
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 2)
            {
                return;
            }

            _result = await apply(connection, CancellationToken.None);
        }

        public void Succeed() => Done.TrySetResult(_result!);

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
