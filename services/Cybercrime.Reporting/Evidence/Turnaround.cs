namespace Cybercrime.Reporting.Evidence;

internal sealed record TurnaroundFigures(int Count, double? Median, int? P90);

/// <summary>
/// Turnarounds as the store counts them: how many requests took each number of days. The median and
/// the 90th percentile are read off these counts, so no single request is loaded. The median of an even
/// count is the mean of the two middle values; p90 is the nearest rank, the ⌈0.9·n⌉-th smallest.
/// </summary>
internal sealed class Turnaround
{
    private readonly SortedDictionary<int, long> _requestsByDays = [];

    public void Add(int days, long requests) => _requestsByDays[days] = _requestsByDays.GetValueOrDefault(days) + requests;

    public long Count => _requestsByDays.Values.Sum();

    public double? Median
    {
        get
        {
            var n = Count;
            return n == 0 ? null : n % 2 == 1 ? Smallest((n + 1) / 2) : (Smallest(n / 2) + Smallest((n / 2) + 1)) / 2.0;
        }
    }

    public TurnaroundFigures Figures()
    {
        var n = Count;
        return new TurnaroundFigures((int)n, Median, n == 0 ? null : Smallest(((9 * n) + 9) / 10));
    }

    /// <summary>The <paramref name="rank"/>-th smallest turnaround, counting from 1.</summary>
    private int Smallest(long rank)
    {
        var seen = 0L;
        foreach (var (days, requests) in _requestsByDays)
        {
            seen += requests;
            if (seen >= rank)
            {
                return days;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Only {seen} turnarounds are counted.");
    }
}
