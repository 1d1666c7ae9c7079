using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The standalone host as a process, first started on an empty data folder of its own.</summary>
public sealed class StandaloneHost : IAsyncLifetime
{
    public string Data { get; } = Directory.CreateTempSubdirectory("cybercrime-standalone-").FullName;

    public ServiceProcess Process { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Process = await ServiceProcess.StartAsync("Cybercrime.Standalone", new Dictionary<string, string> { ["Storage__SqlitePath"] = Data }, directory: Path.Combine("deploy", "Standalone"));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(Data, recursive: true);
    }

    /// <summary>A client with a development token for headquarters (hq-reporting).</summary>
    public async Task<HttpClient> HeadquartersAsync()
    {
        var http = new HttpClient { BaseAddress = Process.BaseAddress };
        var token = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "hq-reporting" } }, TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());
        return http;
    }
}
