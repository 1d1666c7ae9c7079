using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Operations;

/// <summary>
/// Starts a rebuild of reporting (<c>POST /reporting/rebuilds</c>) and prints each area's progress until
/// every producer has announced its count and reporting holds that many facts: 0 when done, 1 when the
/// rebuild was refused or failed, 2 when it was not done in time. Each area's rate and time are
/// until it finished, so a finished area's rate does not keep falling while others go on.
/// </summary>
internal static class RebuildReporting
{
    public static async Task<int> RunAsync(Options options, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = options.Url };
        return await RunAsync(client, options, output, TimeSpan.FromSeconds(1), cancellationToken);
    }

    public static async Task<int> RunAsync(HttpClient client, Options options, TextWriter output, TimeSpan every, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        try
        {
            var token = options.Token ?? await DevelopmentTokenAsync(client, cancellationToken);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = await client.PostAsync("/reporting/rebuilds", null, cancellationToken);
            var answer = await ReadAsync(started, "start the rebuild", cancellationToken);
            var href = answer["href"]!.GetValue<string>();
            output.WriteLine($"Rebuild {answer["id"]} started: reporting's facts are emptied and every producer asked to restate its aggregates.");

            var start = time.GetTimestamp();
            var finished = new Dictionary<string, double>(StringComparer.Ordinal);
            string? last = null;
            while (true)
            {
                var progress = await ReadAsync(await client.GetAsync(href, cancellationToken), "read the rebuild's progress", cancellationToken);
                var elapsed = time.GetElapsedTime(start);
                var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
                foreach (var area in Areas(progress).Where(a => a.Announced is { } n && a.Applied >= n))
                {
                    finished.TryAdd(area.Area, seconds);
                }

                var counts = string.Join(';', Areas(progress));
                if (counts != last)
                {
                    output.Write(Lines(progress, seconds, finished));
                    last = counts;
                }

                if (progress["done"]!.GetValue<bool>())
                {
                    var applied = Areas(progress).Sum(a => a.Applied);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {seconds:0.0} s: {applied} facts applied ({applied / seconds:0}/s)."));
                    return 0;
                }

                if (elapsed > options.Timeout)
                {
                    output.WriteLine($"Not done after {options.Timeout.TotalSeconds:0} s: an area still without an announced count (?) has no producer answering; see {href}.");
                    return 2;
                }

                await Task.Delay(every, cancellationToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or RebuildFailedException)
        {
            output.WriteLine($"Rebuild failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>A line per area: its rate and time until it finished (so a finished area's rate stays what it was), or so far.</summary>
    private static string Lines(JsonObject progress, double now, IReadOnlyDictionary<string, double> finished) => string.Concat(Areas(progress).Select(a =>
    {
        var seconds = finished.GetValueOrDefault(a.Area, now);
        return string.Create(CultureInfo.InvariantCulture,
            $"  {a.Area,-13} {a.Applied,9} / {a.Announced?.ToString(CultureInfo.InvariantCulture) ?? "?",-9} applied  {a.Applied / seconds,8:0}/s in {seconds:0.0} s\n");
    }));

    private static IEnumerable<(string Area, long Applied, long? Announced)> Areas(JsonObject progress) =>
        progress["areas"]!.AsObject().Select(area => (area.Key, area.Value!["applied"]!.GetValue<long>(), area.Value!["announced"]?.GetValue<long>()));

    private static async Task<string> DevelopmentTokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var answer = await client.PostAsJsonAsync("/dev/token", new { roles = new[] { "operations" } }, cancellationToken);
        return (await ReadAsync(answer, "get a development token (pass --token on a host without /dev/token)", cancellationToken))["token"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && JsonNode.Parse(body) is JsonObject json
            ? json
            : throw new RebuildFailedException($"could not {what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd());
    }
}

internal sealed class RebuildFailedException(string message) : Exception(message);
