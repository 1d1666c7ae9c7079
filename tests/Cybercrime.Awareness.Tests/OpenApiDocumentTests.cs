using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Awareness.Tests;

/// <summary>The API reference (the OpenAPI document behind /scalar) lists every awareness route with the answers it gives.</summary>
public sealed class OpenApiDocumentTests(AwarenessApi api) : IClassFixture<AwarenessApi>
{
    [Theory]
    [InlineData("/awareness/campaigns", "post", "201,400,401,403,422")]
    [InlineData("/awareness/campaigns", "get", "200,400,401,403")]
    [InlineData("/awareness/campaigns/{id}", "put", "200,400,401,403,404,409,422")]
    [InlineData("/awareness/campaigns/{id}", "get", "200,401,403,404")]
    [InlineData("/awareness/campaigns/{id}/closure", "post", "200,401,403,404,409,422")]
    [InlineData("/awareness/campaigns/{id}/observations", "post", "200,400,401,403,404,409,422")]
    [InlineData("/awareness/campaigns/{id}/observations/import", "post", "200,400,401,403,404,409,415,422")]
    [InlineData("/awareness/activities", "post", "201,400,401,403,422")]
    [InlineData("/awareness/activities/{id}", "put", "200,400,401,403,404,422")]
    [InlineData("/awareness/activities/{id}", "get", "200,401,403,404")]
    public async Task Each_route_lists_the_answers_it_gives(string path, string method, string statuses)
    {
        var document = (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var operation = document["paths"]![path]![method]!;

        Assert.Equal(statuses.Split(','), operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Bearer", operation["security"]![0]!.AsObject().Select(s => s.Key));
    }

    [Fact]
    public async Task Channels_and_metrics_list_their_wire_names()
    {
        var schemas = (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!["components"]!["schemas"]!;

        Assert.Contains("linkedin", schemas["Channel"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("school-session", schemas["ActivityKind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
