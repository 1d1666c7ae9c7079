using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cybercrime.Platform.Hosting;
using Cybercrime.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Cybercrime.Benchmarks;

/// <summary>
/// A service hosted in the benchmark's own process over loopback HTTP, on SQLite and the in-memory
/// bus, with fresh secrets and development tokens: what the import and queries scenarios measure.
/// </summary>
internal static class InProcessHost
{
    public static Task<WebApplication> StartAsync(string folder, ServiceModule service) => StartAsync(folder, [service], new Dictionary<string, string?>());

    /// <summary>Several services on one host, as the standalone host runs them, with <paramref name="settings"/> over the defaults (another bus, say).</summary>
    public static async Task<WebApplication> StartAsync(string folder, IReadOnlyList<ServiceModule> services, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestSecrets.Settings())
        {
            ["Bus:Transport"] = "InMemory",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = folder,
            ["Auth:DevTokens"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = ServiceHost.Build(builder, [.. services]);
        await app.StartAsync();
        return app;
    }

    /// <summary>A client of <paramref name="app"/> carrying a development token for the office and role.</summary>
    public static async Task<HttpClient> ClientAsync(WebApplication app, string? office, string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        var token = await client.PostAsJsonAsync("/dev/token", new { office, roles = new[] { role } });
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return client;
    }
}
