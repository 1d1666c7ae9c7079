using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Training.Tests;

public sealed class TrainingApiTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    private static readonly object Session = new
    {
        title = "Digital forensics",
        topics = new[] { "digital-forensics" },
        format = "online",
        languages = new[] { "en" },
        startDate = "2020-05-04",
        endDate = "2020-05-08",
        hostCountry = "GTM",
    };

    private static readonly object Participant = new
    {
        participant = new { externalRef = "p-1", gender = "female", countryCode = "GTM", agencyType = "law-enforcement" },
    };

    [Fact]
    public async Task A_session_registration_and_completion_answer_with_their_ids_and_write_three_events()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var before = api.Stored();

        var created = await gua.PostAsJsonAsync("/training/sessions", Session, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created))["id"]!.GetValue<string>();
        Assert.Equal($"/training/sessions/{id}", created.Headers.Location!.ToString());

        var registered = await gua.PostAsJsonAsync($"/training/sessions/{id}/registrations", Participant, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await Json(registered);
        var registrationId = body["registrationId"]!.GetValue<string>();
        Assert.True(Guid.TryParse(body["participantId"]!.GetValue<string>(), out _));

        var completed = await gua.PostAsync($"/training/sessions/{id}/registrations/{registrationId}/completion", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", (await Json(completed))["status"]!.GetValue<string>());

        Assert.Equal((before.Sessions + 1, before.Registrations + 1, before.EventsWritten + 3), api.Stored());
    }

    [Theory]
    [InlineData("completion")]
    [InlineData("attendance")]
    public async Task Attendance_or_completion_before_the_session_has_begun_is_a_conflict_as_in_the_import(string step)
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await gua.PostAsJsonAsync("/training/sessions", new
        {
            title = "Digital forensics", topics = new[] { "digital-forensics" }, format = "online", languages = new[] { "en" }, startDate = start, endDate = start,
        }, TestContext.Current.CancellationToken);
        var id = (await Json(created))["id"]!.GetValue<string>();
        var registered = await gua.PostAsJsonAsync($"/training/sessions/{id}/registrations", Participant, TestContext.Current.CancellationToken);
        var registrationId = (await Json(registered))["registrationId"]!.GetValue<string>();
        var before = api.Stored();

        var early = await gua.PostAsync($"/training/sessions/{id}/registrations/{registrationId}/{step}", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains($"starts on {start}", (await Json(early))["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Completing_twice_is_a_conflict_naming_the_current_state()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var (id, registrationId) = await RegisteredAsync(gua);
        await gua.PostAsync($"/training/sessions/{id}/registrations/{registrationId}/completion", null, TestContext.Current.CancellationToken);
        var before = api.Stored();

        var again = await gua.PostAsync($"/training/sessions/{id}/registrations/{registrationId}/completion", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.Equal("completed", (await Json(again))["currentState"]!.GetValue<string>());
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Registering_the_same_reference_twice_for_a_session_is_a_conflict()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var (id, _) = await RegisteredAsync(gua);
        var before = api.Stored();

        var again = await gua.PostAsJsonAsync($"/training/sessions/{id}/registrations", Participant, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var anonymous = api.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/training/sessions", Session, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_caller_who_is_not_an_office_editor_gets_403()
    {
        var hq = await api.ClientAsync(null, "hq-reporting");

        var response = await hq.PostAsJsonAsync("/training/sessions", Session, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_office_can_neither_read_nor_write_another_offices_session()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var nbo = await api.ClientAsync("NBO", "office-editor");
        var (id, registrationId) = await RegisteredAsync(gua);
        var before = api.Stored();

        var read = await nbo.GetAsync($"/training/sessions/{id}", TestContext.Current.CancellationToken);
        var register = await nbo.PostAsJsonAsync($"/training/sessions/{id}/registrations", Participant, TestContext.Current.CancellationToken);
        var complete = await nbo.PostAsync($"/training/sessions/{id}/registrations/{registrationId}/completion", null, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [read.StatusCode, register.StatusCode, complete.StatusCode]);
        Assert.Equal(before, api.Stored());
        Assert.Equal(HttpStatusCode.OK, (await gua.GetAsync($"/training/sessions/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("""{"title":"x","topics":["digital-forensic"],"format":"online","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-08"}""", "topics[0]")]
    [InlineData("""{"title":"x","topics":["osint"],"format":"classroom","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-08"}""", "format")]
    [InlineData("""{"title":"x","topics":["osint"],"format":"online","languages":["en"],"startDate":"2020-13-04","endDate":"2020-05-08"}""", "startDate")]
    [InlineData("""{"title":"x","topics":["osint"],"format":"online","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-01"}""", "endDate")]
    [InlineData("""{"title":"x","topics":["osint"],"format":"online","languages":["xx"],"startDate":"2020-05-04","endDate":"2020-05-08"}""", "languages[0]")]
    [InlineData("""{"title":"x","topics":["osint"],"format":"in-person","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-08","hostCountry":"ZZZ"}""", "hostCountry")]
    [InlineData("""{"topics":["osint"],"format":"online","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-08"}""", "title")]
    [InlineData("""{"title":"x",""", "body")]
    public async Task A_bad_session_field_gets_400_naming_it_and_changes_nothing(string json, string field)
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var before = api.Stored();

        var response = await gua.PostAsync("/training/sessions", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(field, (await Json(response))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_bad_participant_gets_400_naming_each_field_and_changes_nothing()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await ScheduledAsync(gua);
        var before = api.Stored();

        var response = await gua.PostAsJsonAsync(
            $"/training/sessions/{id}/registrations",
            new { participant = new { externalRef = "", countryCode = "GT", agencyType = "law-enforcement" } },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["participant.countryCode", "participant.externalRef", "participant.gender"],
            (await Json(response))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Unknown_sessions_and_registrations_get_404_and_change_nothing()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await ScheduledAsync(gua);
        var before = api.Stored();

        var noSession = await gua.PostAsJsonAsync($"/training/sessions/{Guid.NewGuid()}/registrations", Participant, TestContext.Current.CancellationToken);
        var noRegistration = await gua.PostAsync($"/training/sessions/{id}/registrations/{Guid.NewGuid()}/completion", null, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], [noSession.StatusCode, noRegistration.StatusCode]);
        Assert.Equal("application/problem+json", noRegistration.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_dev_token_for_an_unknown_office_or_role_is_refused_field_by_field()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/dev/token", new { office = "XYZ", roles = new[] { "office-editor", "admin" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["office", "roles[1]"], (await Json(response))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private async Task<string> ScheduledAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/training/sessions", Session, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        return (await Json(created))["id"]!.GetValue<string>();
    }

    private async Task<(string Id, string RegistrationId)> RegisteredAsync(HttpClient client)
    {
        var id = await ScheduledAsync(client);
        var registered = await client.PostAsJsonAsync($"/training/sessions/{id}/registrations", Participant, TestContext.Current.CancellationToken);
        registered.EnsureSuccessStatusCode();
        return (id, (await Json(registered))["registrationId"]!.GetValue<string>());
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
}
