using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>An office's requests through HTTP: drafts, dated steps, history, lists, and whose they are.</summary>
public sealed class EvidenceApiTests(EvidenceApi api) : IClassFixture<EvidenceApi>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_is_drafted_amended_then_recorded_step_by_step_and_shows_its_whole_history()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");

        var created = await gua.PostAsJsonAsync("/evidence/requests", Requests.Body(), Cancel);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var id = body["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("draft", body["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await gua.PutAsJsonAsync($"/evidence/requests/{id}", Requests.Body(addressee: new { state = "USA" }), Cancel)).StatusCode);
        await Requests.StepAsync(gua, id, "submission", new { on = "2020-03-02" });
        await Requests.StepAsync(gua, id, "acknowledgement", new { on = "2020-03-04" });
        await Requests.StepAsync(gua, id, "information-request", new { on = "2020-04-01" });
        await Requests.StepAsync(gua, id, "answer", new { on = "2020-04-03" });
        var done = await Requests.StepAsync(gua, id, "outcome", new { on = "2020-06-30", outcome = "partially-fulfilled" });

        var request = await Requests.GetAsync(gua, id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal("USA", request["addressee"]!["state"]!.GetValue<string>());
        Assert.Equal("2020-08-29", request["dueOn"]!.GetValue<string>());
        Assert.Equal(
            ["drafted", "amended", "submission", "acknowledgement", "information-request", "answer", "outcome"],
            request["history"]!.AsArray().Select(s => s!["what"]!.GetValue<string>()));
        Assert.Equal(
            [null, null, "2020-03-02", "2020-03-04", "2020-04-01", "2020-04-03", "2020-06-30"],
            request["history"]!.AsArray().Select(s => s!["on"]?.GetValue<string>()));
        Assert.All(request["history"]!.AsArray(), s => Assert.Equal("dev:GUA", s!["by"]!.GetValue<string>()));
        Assert.All(request["history"]!.AsArray(), s => Assert.Equal(api.Clock.Now, s!["recordedAt"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task A_step_without_a_day_happened_today()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await Requests.DraftAsync(gua);

        var response = await gua.PostAsync($"/evidence/requests/{id}/submission", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(api.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (await Requests.GetAsync(gua, id))["submittedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_draft_is_amended_or_deleted_and_a_deleted_draft_is_gone()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var draft = await Requests.DraftAsync(gua);
        var submitted = await Requests.DraftAsync(gua);
        await Requests.StepAsync(gua, submitted, "submission", new { on = "2020-05-05" });

        var amend = await gua.PutAsJsonAsync($"/evidence/requests/{submitted}", Requests.Body(), Cancel);
        var delete = await gua.DeleteAsync($"/evidence/requests/{submitted}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, amend.StatusCode);
        Assert.Equal("submitted", (await amend.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["currentState"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gua.DeleteAsync($"/evidence/requests/{draft}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gua.GetAsync($"/evidence/requests/{draft}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gua.PostAsJsonAsync($"/evidence/requests/{draft}/submission", new { }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_list_is_filtered_by_the_store_and_finds_a_case_by_its_exact_reference()
    {
        var sal = await api.ClientAsync("SAL", "office-editor");
        var google = await Requests.DraftAsync(sal, Requests.Body("SAL-CASE-1", new { provider = "google" }));
        var mla = await Requests.DraftAsync(sal, Requests.Body("SAL-CASE-1", new { state = "ESP" }, type: "content-data"));
        var other = await Requests.DraftAsync(sal, Requests.Body("SAL-CASE-2", new { provider = "google" }));
        await Requests.StepAsync(sal, google, "submission", new { on = "2020-02-01" });
        await Requests.StepAsync(sal, mla, "submission", new { on = "2019-12-01" });

        // Compared as sets: drafted at the same instant of the test's clock, their order is their ids'.
        Assert.Equal(new[] { mla, google }.Order(StringComparer.Ordinal), await IdsAsync(sal, "?case=SAL-CASE-1"));
        Assert.Empty(await IdsAsync(sal, "?case=sal-case-1"));
        Assert.Equal(new[] { other, google }.Order(StringComparer.Ordinal), await IdsAsync(sal, "?addressee=google"));
        Assert.Equal([mla], await IdsAsync(sal, "?addressee=ESP&type=content-data&year=2019"));
        Assert.Equal([other], await IdsAsync(sal, "?status=draft"));
        var page = (await sal.GetFromJsonAsync<JsonObject>("/evidence/requests?pageSize=1&page=2", Cancel))!;
        Assert.Equal((3, 1), (page["total"]!.GetValue<int>(), page["items"]!.AsArray().Count));
    }

    [Fact]
    public async Task Another_office_is_refused_and_a_caller_without_a_token_is_unauthorised()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await Requests.DraftAsync(gua);
        var before = api.Stored();

        Assert.Equal(HttpStatusCode.Forbidden, (await bkk.GetAsync($"/evidence/requests/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bkk.PostAsJsonAsync($"/evidence/requests/{id}/submission", new { }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bkk.PutAsJsonAsync($"/evidence/requests/{id}", Requests.Body(), Cancel)).StatusCode);
        Assert.DoesNotContain(id, await IdsAsync(bkk, ""));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/evidence/requests", Requests.Body(), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"/evidence/requests/{id}", Cancel)).StatusCode);
        Assert.Equal(before, api.Stored());
        Assert.Equal("draft", (await Requests.GetAsync(gua, id))["status"]!.GetValue<string>());
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(HttpClient office, string query) =>
        [.. (await office.GetFromJsonAsync<JsonObject>($"/evidence/requests{query}", Cancel))!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
