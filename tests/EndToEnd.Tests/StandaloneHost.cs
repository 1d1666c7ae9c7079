using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The standalone host as a process, first started on an empty data folder of its own.</summary>
public class StandaloneHost : IAsyncLifetime
{
    public string Data { get; } = Directory.CreateTempSubdirectory("cybercrime-standalone-").FullName;

    public ServiceProcess Process { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Process = await ServiceProcess.StartAsync("Cybercrime.Standalone", Settings(new() { ["Storage__SqlitePath"] = Data }), directory: Path.Combine("deploy", "Standalone"));

    /// <summary>The host's settings: its data folder, and whatever a host for other tests adds.</summary>
    protected virtual Dictionary<string, string> Settings(Dictionary<string, string> settings) => settings;

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        Directory.Delete(Data, recursive: true);
        GC.SuppressFinalize(this);
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

/// <summary>The standalone host started as <c>--Demo:Year 2020</c> would start it.</summary>
public sealed class StandaloneHost2020 : StandaloneHost
{
    protected override Dictionary<string, string> Settings(Dictionary<string, string> settings)
    {
        settings["Demo__Year"] = "2020";
        return settings;
    }
}
