using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>What a caller sending the wrong thing is told, naming the field, and that nothing is stored or published.</summary>
public sealed class BadInputTests(EvidenceApi api) : IClassFixture<EvidenceApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadRequests() => new()
    {
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{"provider":"myspace"},"requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "addressee.provider" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{"provider":"google","state":"USA"},"requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "addressee" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{},"requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "addressee" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "addressee" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{"state":"XYZ"},"requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "addressee.state" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{"provider":"google"},"requestType":"preservation","crimeCategory":"fraud","priority":"standard"}""", "caseReference" },
        { """{"requestingCountry":"El Salvador","requestingAgency":"prosecution","addressee":{"provider":"google"},"requestType":"preservation","crimeCategory":"fraud","priority":"standard","caseReference":"C-1"}""", "requestingCountry" },
        { """{"requestingCountry":"SLV","requestingAgency":"prosecution","addressee":{"provider":"google"},"requestType":"preservation","crimeCategory":"fraud","priority":"urgent","caseReference":"C-1"}""", "priority" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var before = api.Stored();

        var response = await gua.PostAsync("/evidence/requests", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await FieldsAsync(response));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_step_dated_before_the_previous_one_or_in_the_future_is_refused_on_its_day_and_nothing_is_stored_or_published()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await Requests.DraftAsync(gua);
        await Requests.StepAsync(gua, id, "submission", new { on = "2020-03-02" });
        var before = api.Stored();

        var earlier = await gua.PostAsJsonAsync($"/evidence/requests/{id}/acknowledgement", new { on = "2020-03-01" }, Cancel);
        var future = await gua.PostAsJsonAsync($"/evidence/requests/{id}/acknowledgement", new { on = api.Clock.Today.AddDays(1) }, Cancel);
        var noReason = await gua.PostAsJsonAsync($"/evidence/requests/{id}/outcome", new { on = "2020-03-05", outcome = "refused" }, Cancel);
        var notADay = await gua.PostAsJsonAsync($"/evidence/requests/{id}/outcome", new { on = "2020-02-30", outcome = "fulfilled" }, Cancel);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (earlier.StatusCode, future.StatusCode));
        Assert.Equal(["on"], await FieldsAsync(earlier));
        Assert.Equal(["on"], await FieldsAsync(future));
        Assert.Equal(["refusalReason"], await FieldsAsync(noReason));
        Assert.Equal(["on"], await FieldsAsync(notADay));
        Assert.Equal(before, api.Stored());
        Assert.Equal("submitted", (await Requests.GetAsync(gua, id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_request_is_not_found_and_an_illegal_step_conflicts_with_the_current_state()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await Requests.DraftAsync(gua);
        var before = api.Stored();

        var unknown = await gua.PostAsJsonAsync($"/evidence/requests/{Guid.NewGuid()}/submission", new { on = "2020-03-02" }, Cancel);
        var illegal = await gua.PostAsJsonAsync($"/evidence/requests/{id}/outcome", new { on = "2020-03-02", outcome = "fulfilled" }, Cancel);
        var extension = await gua.PostAsJsonAsync($"/evidence/requests/{id}/extension", new { on = "2020-03-02" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (illegal.StatusCode, extension.StatusCode));
        Assert.Equal("draft", (await illegal.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["currentState"]!.GetValue<string>());
        Assert.Equal(before, api.Stored());
    }

    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject().Select(e => e.Key)];
}
