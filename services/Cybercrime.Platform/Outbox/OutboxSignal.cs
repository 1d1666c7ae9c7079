namespace Cybercrime.Platform.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as a write added events, so that it need not poll tightly;
/// the poll interval remains only to pick up what an earlier process left behind.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // Already signalled: one wake-up covers every write before it. Checked first because this
        // runs on every write, and an exception each time would cost more than the write.
        if (_pending.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another write signalled between the check and the release.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
