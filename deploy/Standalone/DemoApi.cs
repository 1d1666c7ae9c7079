using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cybercrime.Standalone;

/// <summary>How the demo year talks to the services: through their public API, as a caller would.</summary>
internal static class DemoApi
{
    public static async Task<string> TokenAsync(HttpClient http, string? office, string role, CancellationToken stopping = default)
    {
        var response = await http.PostAsJsonAsync("/dev/token", new { office, roles = new[] { role } }, stopping);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(stopping)).GetProperty("token").GetString()!;
    }

    /// <summary>The answer's JSON; an answer other than 2xx stops the demo, saying what was refused.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, HttpContent? content, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, stopping);
        var body = await response.Content.ReadAsStringAsync(stopping);
        return response.IsSuccessStatusCode
            ? (body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone())
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {body}");
    }
}
