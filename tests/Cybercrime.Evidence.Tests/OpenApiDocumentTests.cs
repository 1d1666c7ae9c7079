using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>The OpenAPI document tells a client what each evidence route may answer and the vocabulary's wire names.</summary>
public sealed class OpenApiDocumentTests(EvidenceApi api) : IClassFixture<EvidenceApi>
{
    [Theory]
    [InlineData("/evidence/requests", "post", "201,400,401,403,422")]
    [InlineData("/evidence/requests", "get", "200,400,401,403")]
    [InlineData("/evidence/requests/{id}", "get", "200,401,403,404")]
    [InlineData("/evidence/requests/{id}", "put", "200,400,401,403,404,409,422")]
    [InlineData("/evidence/requests/{id}", "delete", "200,401,403,404,409,422")]
    [InlineData("/evidence/requests/{id}/outcome", "post", "200,400,401,403,404,409,422")]
    [InlineData("/evidence/requests/{id}/extension", "post", "200,400,401,403,404,409,422")]
    [InlineData("/evidence/requests/import", "post", "200,400,401,403,415,422")]
    public async Task Each_route_lists_the_answers_it_gives(string path, string method, string statuses)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]![path]![method]!;

        Assert.Equal(statuses.Split(','), operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_providers_and_refusal_reasons_list_their_wire_names()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;

        Assert.Contains("whatsapp", schemas["EvidenceProvider"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("no-data-held", schemas["RefusalReason"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    private async Task<JsonObject> DocumentAsync() =>
        (await api.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;
}
