using System.Diagnostics;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The processor time each process of a stage uses, from now until <see cref="PerItem"/>. Every
/// process shares the same cores, so a millisecond spent in one is a millisecond the others lack:
/// per message or event, these show where a stage's throughput goes and where to cut next.
/// </summary>
internal sealed class CpuTime
{
    private readonly IReadOnlyList<(string Role, Func<TimeSpan> Used, TimeSpan Start)> _processes;

    private CpuTime(IEnumerable<(string Role, Func<TimeSpan> Used)> processes) =>
        _processes = [.. processes.Select(p => (p.Role, p.Used, p.Used()))];

    /// <summary>Starts counting for this process, the local broker if it can be seen, and <paramref name="others"/>.</summary>
    public static CpuTime Start(string thisProcess, params (string Role, Func<TimeSpan> Used)[] others)
    {
        var self = Process.GetCurrentProcess();
        var processes = new List<(string, Func<TimeSpan>)> { (thisProcess, () => Used(self)) };
        processes.AddRange(others);
        // RabbitMQ runs in the Erlang VM; when it is elsewhere (a container, another host) it is left out.
        if (Process.GetProcessesByName("beam.smp") is [var broker])
        {
            processes.Add(("broker", () => Used(broker)));
        }

        return new CpuTime(processes);
    }

    private static TimeSpan Used(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Milliseconds of one core each process used per item since the start, in the order given.</summary>
    public IReadOnlyDictionary<string, double> PerItem(int items) =>
        _processes.ToDictionary(p => p.Role, p => (p.Used() - p.Start).TotalMilliseconds / items);
}

/// <summary>One measured round: its throughput, and the CPU each process spent per message or event in it.</summary>
internal sealed record Round(double PerSecond, IReadOnlyDictionary<string, double> CpuMs);
