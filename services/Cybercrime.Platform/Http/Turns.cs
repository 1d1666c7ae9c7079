namespace Cybercrime.Platform.Http;

/// <summary>
/// In-process turns per key. Commands on one aggregate (a session and its registrations) queue
/// behind each other instead of racing to the same commit: under a burst, racing requests kept
/// losing the version check to each other until they ran out of attempts and answered 409.
/// Commands from other processes still race; <see cref="Commands"/> retries those.
/// </summary>
internal static class Turns
{
    private static readonly Dictionary<string, Turn> Active = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="key"/>'s turn; disposing the result ends it.</summary>
    public static async Task<IDisposable> TakeAsync(string key, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (Active)
        {
            if (!Active.TryGetValue(key, out turn!))
            {
                turn = new Turn(key);
                Active.Add(key, turn);
            }

            turn.Waiting++;
        }

        try
        {
            await turn.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(turn);
            throw;
        }

        return turn;
    }

    private static void Leave(Turn turn)
    {
        lock (Active)
        {
            if (--turn.Waiting == 0)
            {
                Active.Remove(turn.Key);
            }
        }
    }

    private sealed class Turn(string key) : IDisposable
    {
        public string Key => key;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Holders and waiters; guarded by the lock on <see cref="Active"/>.</summary>
        public int Waiting { get; set; }

        public void Dispose()
        {
            Gate.Release();
            Leave(this);
        }
    }
}
