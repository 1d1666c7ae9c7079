using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Training.Tests;

/// <summary>A held session back-recorded from a course platform's list: the import's <c>status</c> column.</summary>
public sealed class BackRecordedImportApiTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    private const string Header = "externalRef,gender,countryCode,agencyType,status\n";

    [Fact]
    public async Task A_list_of_graduates_registers_and_completes_everyone_in_one_go_and_importing_it_again_changes_nothing()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await CreateAsync(gua, startDate: "2020-09-14", capacity: 10);
        var csv = Header + "g-1,female,GTM,prosecution,completed\ng-2,male,HND,judiciary,completed\ng-3,female,SLV,law-enforcement,attended\ng-4,male,BLZ,law-enforcement,\n";
        var before = api.Stored();

        var imported = await ImportAsync(gua, id, csv, HttpStatusCode.OK);
        var after = api.Stored();
        var again = await ImportAsync(gua, id, csv, HttpStatusCode.OK);

        Assert.Equal((4, 4, 0, 0, 1, 2), Figures(imported));
        Assert.Equal((4, 0, 0, 4, 0, 0), Figures(again));
        Assert.Equal((before.Registrations + 4, before.EventsWritten + 7), (after.Registrations, after.EventsWritten)); // registered, then attended or completed
        Assert.Equal(after, api.Stored());
        var session = await GetAsync(gua, $"/training/sessions/{id}");
        Assert.Equal((2, 1, 1, 4), (Count(session, "completed"), Count(session, "attended"), Count(session, "registered"), session["placesTaken"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Completions_imported_after_the_registrations_move_the_registered_on()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await CreateAsync(gua, startDate: "2020-09-14");
        await ImportAsync(gua, id, Header + "r-1,female,GTM,prosecution,\nr-2,male,GTM,prosecution,attended\n", HttpStatusCode.OK);

        var completed = await ImportAsync(gua, id, Header + "r-1,female,GTM,prosecution,completed\nr-2,male,GTM,prosecution,completed\nr-3,male,GTM,judiciary,completed\n", HttpStatusCode.OK);

        Assert.Equal((3, 1, 0, 0, 0, 3), Figures(completed));
        Assert.Equal(3, Count(await GetAsync(gua, $"/training/sessions/{id}"), "completed"));
    }

    [Fact]
    public async Task Completions_past_the_capacity_or_before_the_session_begins_are_refused_row_by_row_and_nothing_changes()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var full = await CreateAsync(gua, startDate: "2020-09-14", capacity: 1);
        var future = await CreateAsync(gua, startDate: "2099-09-14");
        var before = api.Stored();

        var overCapacity = await ImportAsync(gua, full, Header + "f-1,female,GTM,prosecution,completed\nf-2,male,GTM,prosecution,completed\nf-3,male,GTM,prosecution,\n", HttpStatusCode.BadRequest);
        var tooEarly = await ImportAsync(gua, future, Header + "e-1,female,GTM,prosecution,\ne-2,male,GTM,prosecution,attended\ne-3,male,GTM,judiciary,completed\n", HttpStatusCode.BadRequest);

        Assert.Equal(["rows[3].status"], Fields(overCapacity));
        Assert.Equal(["rows[3].status", "rows[4].status"], Fields(tooEarly));
        Assert.Contains("2099-09-14", tooEarly["errors"]!["rows[3].status"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_no_show_is_not_completed_by_a_later_list()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await CreateAsync(gua, startDate: "2020-09-14");
        var registered = await ExpectAsync(await gua.PostAsJsonAsync($"/training/sessions/{id}/registrations",
            new { participant = new { externalRef = "n-1", gender = "male", countryCode = "GTM", agencyType = "judiciary" } }, TestContext.Current.CancellationToken), HttpStatusCode.Created);
        await ExpectAsync(await gua.PostAsync($"/training/sessions/{id}/registrations/{registered["registrationId"]}/no-show", null, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        var before = api.Stored();

        var refused = await ImportAsync(gua, id, Header + "n-1,male,GTM,judiciary,completed\n", HttpStatusCode.BadRequest);

        Assert.Equal(["rows[2].status"], Fields(refused));
        Assert.Equal(before, api.Stored());
    }

    private static IEnumerable<string> Fields(JsonNode problem) => problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);

    private static int Count(JsonNode session, string status) => session["enrolments"]![status]!.GetValue<int>();

    private static (int, int, int, int, int, int) Figures(JsonNode import) => (
        import["rows"]!.GetValue<int>(), import["registered"]!.GetValue<int>(), import["waitlisted"]!.GetValue<int>(),
        import["alreadyRegistered"]!.GetValue<int>(), import["attended"]!.GetValue<int>(), import["completed"]!.GetValue<int>());

    private static async Task<string> CreateAsync(HttpClient client, string startDate, int? capacity = null)
    {
        var start = DateOnly.Parse(startDate, System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/training/sessions", new
        {
            title = "Requesting digital evidence from global technology companies",
            topics = new[] { "digital-evidence" },
            format = "online",
            languages = new[] { "es" },
            startDate,
            endDate = start.AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            capacity,
        }, TestContext.Current.CancellationToken);
        return (await ExpectAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> ImportAsync(HttpClient client, string id, string csv, HttpStatusCode expected) =>
        await ExpectAsync(await client.PostAsync($"/training/sessions/{id}/registrations/import", new StringContent(csv, Encoding.UTF8, "text/csv"),
            TestContext.Current.CancellationToken), expected);

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) =>
        await ExpectAsync(await client.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.OK);

    private static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
