using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cybercrime.Faults;

/// <summary>
/// A RabbitMQ node of the suite's own, on free ports and in a temporary folder, for the scenarios that
/// restart the broker: restarting the one other tests share would break them. No plugins (queues are
/// inspected over AMQP); the default virtual host and guest, who may connect from loopback. Stopped and
/// its files removed when disposed.
/// </summary>
internal sealed class OwnBroker : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-faults-broker-").FullName;
    private readonly int _port = FreePort();
    private readonly int _distributionPort = FreePort();

    private string Node => $"faults{_port}@localhost";

    public Uri Amqp => new($"amqp://guest:guest@localhost:{_port}/");

    public static bool Available => File.Exists("/usr/sbin/rabbitmq-server") || File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server");

    public static async Task<OwnBroker> StartAsync()
    {
        var broker = new OwnBroker();
        // The node runs as the rabbitmq user when started by root: it must be able to write here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(broker._folder, (UnixFileMode)0b111_111_111);
        }

        await File.WriteAllTextAsync(Path.Combine(broker._folder, "enabled_plugins"), "[].");
        await broker.StartNodeAsync();
        return broker;
    }

    /// <summary>The RabbitMQ application stopped and started again; the Erlang node stays up.</summary>
    public Task StopApplicationAsync() => RabbitMqCtlAsync("stop_app");

    public Task StartApplicationAsync() => RabbitMqCtlAsync("start_app");

    /// <summary>The whole node: the operating-system process ends.</summary>
    public Task StopNodeAsync() => RabbitMqCtlAsync("stop");

    public async Task StartNodeAsync()
    {
        await RunAsync("rabbitmq-server", "-detached");
        await RabbitMqCtlAsync($"wait --timeout 90 {Path.Combine(_folder, "pid")}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopNodeAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task RabbitMqCtlAsync(string arguments) => RunAsync("rabbitmqctl", $"-n {Node} {arguments}");

    private async Task RunAsync(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments.Split(' '))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RABBITMQ_NODENAME"] = Node;
        start.Environment["RABBITMQ_NODE_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log");
        start.Environment["RABBITMQ_PID_FILE"] = Path.Combine(_folder, "pid");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command} {arguments}' exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
