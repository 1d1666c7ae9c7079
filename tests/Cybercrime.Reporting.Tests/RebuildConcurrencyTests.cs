using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.Reporting.Tests;

/// <summary>A rebuild honours Idempotency-Key, and a second is refused while one is not done: it would empty the facts the first is refilling.</summary>
public sealed class RebuildConcurrencyTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task The_same_key_gives_the_same_rebuild_and_another_is_refused_while_it_runs()
    {
        using var operations = await reporting.ClientAsync(null, "operations");

        var first = await StartAsync(operations, "rebuild-1");
        var again = await StartAsync(operations, "rebuild-1");
        var second = await StartAsync(operations, null);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        var href = (await first.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["href"]!.GetValue<string>();
        Assert.Equal(href, (await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["href"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = (await second.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal(href, problem["href"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient operations, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/reporting/rebuilds");
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return operations.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
