using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Training.Tests;

/// <summary>The OpenAPI document tells a client how to authenticate and what each route may answer.</summary>
public sealed class OpenApiDocumentTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    [Fact]
    public async Task It_declares_the_bearer_scheme_and_requires_it_on_every_protected_route()
    {
        var document = await DocumentAsync();

        Assert.Equal(("http", "bearer"), (document["components"]!["securitySchemes"]!["Bearer"]!["type"]!.GetValue<string>(),
            document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>()));
        var training = Operations(document).Where(o => o.Path.StartsWith("/training", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(training);
        Assert.All(training, o => Assert.Contains("Bearer", o.Operation["security"]![0]!.AsObject().Select(s => s.Key)));
        Assert.Null(Operations(document).Single(o => o.Path == "/dev/token").Operation["security"]);
    }

    [Theory]
    [InlineData("/training/sessions", "post", "201,400,401,403,422")]
    [InlineData("/training/sessions/{id}", "put", "200,400,401,403,404,409,422")]
    [InlineData("/training/sessions/{id}/registrations", "post", "201,400,401,403,404,409,422")]
    [InlineData("/training/sessions/{id}/registrations/{registrationId}", "get", "200,401,403,404")]
    [InlineData("/training/sessions/{id}/registrations/{registrationId}/completion", "post", "200,401,403,404,409,422")]
    [InlineData("/training/sessions/{id}/registrations/import", "post", "200,400,401,403,404,415,422")]
    [InlineData("/training/sessions/{id}/headcount", "put", "200,400,401,403,404,409,422")]
    [InlineData("/training/sessions/{id}", "get", "200,401,403,404")]
    [InlineData("/training/sessions", "get", "200,400,401,403")]
    [InlineData("/dev/token", "post", "200,400,403")]
    [InlineData("/operations/parked/{queue}", "get", "200,401,403,404,409")]
    [InlineData("/operations/outbox/{store}/replay", "post", "200,401,403,404")]
    public async Task Each_route_lists_the_answers_it_gives(string path, string method, string statuses)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]![path]![method]!;

        Assert.Equal(statuses.Split(','), operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Enums_list_their_wire_names()
    {
        var document = await DocumentAsync();

        var format = document["components"]!["schemas"]!["TrainingFormat"]!;

        Assert.Contains("string", format["type"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("in-person", format["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("webinar", format["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task The_import_documents_the_types_it_accepts()
    {
        var document = await DocumentAsync();

        var content = document["paths"]!["/training/sessions/{id}/registrations/import"]!["post"]!["requestBody"]!["content"]!.AsObject();

        Assert.Equal(["application/csv", "application/octet-stream", "application/x-www-form-urlencoded", "text/csv", "text/plain"],
            content.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    private async Task<JsonObject> DocumentAsync() =>
        (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

    private static IEnumerable<(string Path, JsonNode Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Value!)));
}
