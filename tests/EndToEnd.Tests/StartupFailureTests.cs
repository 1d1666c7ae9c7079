using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>A service started without its database says why in one line and exits with code 1, not with a crash.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_service_without_its_mongodb_exits_with_a_short_message_and_code_1()
    {
        await using var service = await ServiceProcess.RunToExitAsync("Cybercrime.Training", new Dictionary<string, string>
        {
            ["Bus__Transport"] = "InMemory",
            ["Storage__Provider"] = "Mongo",
            // A loopback port nothing listens on, and a short wait for a server.
            ["ConnectionStrings__Mongo"] = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500&connectTimeoutMS=500",
        }, TimeSpan.FromSeconds(60));

        var lastLine = service.Output.Split(Environment.NewLine).Last(line => line.Length > 0);
        Assert.True(service.ExitCode == 1, $"exit code {service.ExitCode}:{Environment.NewLine}{service.Output}");
        Assert.StartsWith("Cybercrime.Training did not start: MongoDB at 127.0.0.1:1 is unreachable", lastLine, StringComparison.Ordinal);
        Assert.True(lastLine.Length < 200, lastLine);
        Assert.DoesNotContain("Unhandled exception", service.Output, StringComparison.Ordinal);
    }
}
