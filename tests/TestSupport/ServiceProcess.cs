using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Cybercrime.TestSupport;

/// <summary>
/// A service run as its own operating-system process, from the build output of its project. It binds
/// a loopback port of its own choosing (port 0, so no other process can take it in between) and the
/// address is read from its "Now listening on" log line; ready once <c>/health/ready</c> answers 200.
/// Its output is kept for diagnostics.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The most memory the process has held so far (its peak resident set).</summary>
    public long PeakWorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>The processor time the process has used so far, all threads and cores together.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="directory">The project's folder in the repository, if not services/<paramref name="project"/>.</param>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment, string? directory = null)
    {
        var service = Launch(project, environment, directory);
        try
        {
            await service.WaitUntilReadyAsync(project);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a service expected to stop by itself, and waits until it has, within <paramref name="deadline"/>.</summary>
    public static async Task<ServiceProcess> RunToExitAsync(string project, IReadOnlyDictionary<string, string> environment, TimeSpan deadline, string? directory = null)
    {
        var service = Launch(project, environment, directory);
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await service._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await service.DisposeAsync();
            throw new TimeoutException($"{project} was still running after {deadline.TotalSeconds:0} s:{Environment.NewLine}{service.Output}");
        }

        // The exit is seen before the last redirected lines are read; this waits for the end of both streams.
        service._process.WaitForExit();
        return service;
    }

    private static ServiceProcess Launch(string project, IReadOnlyDictionary<string, string> environment, string? directory)
    {
        var dll = Path.Combine(RepositoryRoot.Path, directory ?? Path.Combine("services", project), "bin", BuildConfiguration, "net10.0", $"{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first: {dll} is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The address is read from this log line, whatever level the caller sets for the rest.
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information";
        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string project)
    {
        try
        {
            using var exited = new CancellationTokenSource();
            var exit = _process.WaitForExitAsync(exited.Token);
            var listening = await Task.WhenAny(_listening.Task, exit, Task.Delay(TimeSpan.FromSeconds(90), exited.Token));
            await exited.CancelAsync();
            BaseAddress = listening == _listening.Task
                ? await _listening.Task
                : throw new InvalidOperationException(_process.HasExited ? $"{project} exited with code {_process.ExitCode}." : $"{project} did not say which address it listens on.");
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.Until(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{project} exited with code {_process.ExitCode}.");
                }

                try
                {
                    return (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false; // not answering yet, or too busy to answer within the probe's timeout (a host recording a data set on start)
                }
            }, TimeSpan.FromSeconds(90), $"{project} to be ready");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{project} did not become ready: {e.Message}{Environment.NewLine}{Output}", e);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (!_listening.Task.IsCompleted && ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Kestrel's line, plain or as a JSON log event (which quotes the address).</summary>
    [GeneratedRegex(@"Now listening on: (?:\\?"")?(http://[0-9.:\[\]]+)")]
    private static partial Regex ListeningOn();

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif
}
