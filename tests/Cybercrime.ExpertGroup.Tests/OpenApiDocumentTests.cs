using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>The OpenAPI document: the secretariat's routes need a bearer token, the public ones none, and each lists its answers.</summary>
public sealed class OpenApiDocumentTests(ExpertGroupApi api) : IClassFixture<ExpertGroupApi>
{
    [Fact]
    public async Task Secretariat_routes_require_the_bearer_scheme_and_public_routes_nothing()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var secretariat = operations.Where(o => o.Path.StartsWith("/expert-group", StringComparison.Ordinal)).ToList();
        var open = operations.Where(o => o.Path.StartsWith("/public/expert-group", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, secretariat.Count);
        Assert.Equal(7, open.Count);
        Assert.All(secretariat, o => Assert.Contains("Bearer", o.Operation["security"]![0]!.AsObject().Select(s => s.Key)));
        Assert.All(open, o => Assert.Null(o.Operation["security"]));
    }

    [Theory]
    [InlineData("/expert-group/documents/{id}/versions/{lang}", "put", "200,400,401,403,404,409,413,415,422")]
    [InlineData("/expert-group/documents/{id}/publication", "post", "200,400,401,403,404,409,422")]
    [InlineData("/expert-group/documents", "post", "201,400,401,403,409,422")]
    [InlineData("/expert-group/meetings/{id}/postponement", "post", "200,400,401,403,404,409,422")]
    [InlineData("/public/expert-group/documents", "get", "200,400")]
    [InlineData("/public/expert-group/documents/{id}/versions/{lang}", "get", "200,304,404")]
    [InlineData("/public/expert-group/documents/{id}/versions/{lang}", "head", "200,304,404")]
    public async Task Each_route_lists_the_answers_it_gives(string path, string method, string statuses)
    {
        var operation = (await DocumentAsync())["paths"]![path]![method]!;

        Assert.Equal(statuses.Split(','), operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_upload_documents_the_file_types_it_accepts()
    {
        var content = (await DocumentAsync())["paths"]!["/expert-group/documents/{id}/versions/{lang}"]!["put"]!["requestBody"]!["content"]!.AsObject();

        Assert.Equal(["application/pdf", ExpertGroupApi.Docx, "text/html", "text/plain"], content.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    private async Task<JsonObject> DocumentAsync() =>
        (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

    private static IEnumerable<(string Path, JsonNode Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Value!)));
}
