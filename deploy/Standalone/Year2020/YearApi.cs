using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cybercrime.Standalone.Year2020;

/// <summary>Where each service answers: one address for all in the standalone host, one each as separate processes.</summary>
public sealed record ServiceAddresses(Uri Training, Uri Evidence, Uri Awareness, Uri ExpertGroup, Uri Reporting)
{
    public static ServiceAddresses AllAt(Uri url) => new(url, url, url, url, url);
}

/// <summary>
/// How the 2020 year talks to the services: through their public API, as an office, the secretariat or
/// headquarters would, each with a development token of its own office and role.
/// </summary>
internal sealed class YearApi(HttpClient http) : IDisposable
{
    private readonly ConcurrentDictionary<(Uri, string?, string), Task<string>> _tokens = new();

    public static YearApi Create() => new(new HttpClient { Timeout = TimeSpan.FromMinutes(5) });

    public Task<JsonElement> PostAsync(Uri service, string? office, string role, string path, object body, CancellationToken stopping) =>
        SendAsync(service, office, role, HttpMethod.Post, path, JsonContent.Create(body), stopping);

    public Task<JsonElement> PostCsvAsync(Uri service, string office, string path, string csv, CancellationToken stopping) =>
        SendAsync(service, office, "office-editor", HttpMethod.Post, path, new StringContent(csv, Encoding.UTF8, "text/csv"), stopping);

    public Task<JsonElement> GetAsync(Uri service, string? office, string role, string path, CancellationToken stopping) =>
        SendAsync(service, office, role, HttpMethod.Get, path, null, stopping);

    /// <summary>The answer's JSON; an answer other than 2xx stops the load, saying what was refused.</summary>
    public async Task<JsonElement> SendAsync(Uri service, string? office, string role, HttpMethod method, string path, HttpContent? content, CancellationToken stopping) =>
        await DemoApi.SendAsync(http, method, new Uri(service, path).AbsoluteUri,
            await _tokens.GetOrAdd((service, office, role), key => TokenAsync(key.Item1, key.Item2, key.Item3, stopping)), content, stopping);

    private async Task<string> TokenAsync(Uri service, string? office, string role, CancellationToken stopping)
    {
        using var response = await http.PostAsJsonAsync(new Uri(service, "/dev/token"), new { office, roles = new[] { role } }, stopping);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(stopping)).GetProperty("token").GetString()!;
    }

    public void Dispose() => http.Dispose();
}
