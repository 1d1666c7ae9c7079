using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cybercrime.TestSupport;

/// <summary>
/// A service run as its own operating-system process, from the build output of its project, on a
/// free loopback port; ready once <c>/health/ready</c> answers 200. Its output is kept for diagnostics.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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
        var dll = Path.Combine(RepositoryRoot.Path, directory ?? Path.Combine("services", project), "bin", BuildConfiguration, "net10.0", $"{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first: {dll} is missing.", dll);
        }

        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, url);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(project);
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
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
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
                catch (HttpRequestException)
                {
                    return false;
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

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif
}
