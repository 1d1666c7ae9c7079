using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.TestSupport;

/// <summary>
/// A service hosted in the test process over HTTP, with its own SQLite folder, the in-memory bus
/// unless <see cref="Settings"/> say otherwise, development tokens, and fresh random secrets.
/// </summary>
public class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("cybercrime-service-").FullName;

    public string Environment { get; init; } = "Development";

    /// <summary>Settings over the defaults; it starts with random secrets (<see cref="TestSecrets"/>), which a test may replace.</summary>
    public Dictionary<string, string?> Settings { get; } = TestSecrets.Settings();

    /// <summary>Replaces services after the host's own registrations (a clock, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>A client carrying a development token for the office and roles.</summary>
    public async Task<HttpClient> ClientAsync(string? office, params string[] roles)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/dev/token", new { office, roles });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", Folder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed record TokenResponse(string Token);
}
