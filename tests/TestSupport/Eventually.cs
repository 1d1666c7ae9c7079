namespace Cybercrime.TestSupport;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {what}; last seen: {last}");
            }

            await Task.Delay(PollInterval);
            last = await probe();
        }

        return last;
    }

    public static Task Until(Func<Task<bool>> condition, TimeSpan deadline, string what) =>
        Until(condition, ok => ok, deadline, what);
}
