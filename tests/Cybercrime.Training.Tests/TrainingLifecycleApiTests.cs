using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Training.Tests;

/// <summary>The enrolment life cycle, idempotent commands, import and queries, over HTTP.</summary>
public sealed class TrainingLifecycleApiTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    private static object Session(int? capacity = null, string title = "Cryptocurrency investigations", string endDate = "2020-11-20", string format = "hybrid") => new
    {
        title,
        topics = new[] { "cryptocurrency", "darknet-investigations" },
        format,
        languages = new[] { "en", "th" },
        startDate = "2020-11-16",
        endDate,
        hostCountry = "THA",
        audiences = new[] { "central-bank", "financial-intelligence-unit" },
        partners = new[] { "INTERPOL" },
        capacity,
        trainTheTrainer = true,
    };

    private static object Person(string reference) => new
    {
        participant = new { externalRef = reference, gender = "male", countryCode = "THA", agencyType = "central-bank", role = "analyst" },
    };

    [Fact]
    public async Task A_full_session_waitlists_and_a_cancellation_promotes_the_first_in_line()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session(capacity: 1));
        var first = await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person("a"), HttpStatusCode.Created);
        var second = await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person("b"), HttpStatusCode.Created);
        var third = await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person("c"), HttpStatusCode.Created);
        Assert.Equal(["registered", "waitlisted", "waitlisted"], new[] { first, second, third }.Select(r => r["status"]!.GetValue<string>()));

        await PostAsync(bkk, $"/training/sessions/{id}/registrations/{first["registrationId"]}/cancellation", new { }, HttpStatusCode.OK);

        var session = await GetAsync(bkk, $"/training/sessions/{id}");
        Assert.Equal((1, 1), (session["placesTaken"]!.GetValue<int>(), session["waitlisted"]!.GetValue<int>()));
        Assert.Equal((1, 1, 1), (Count(session, "registered"), Count(session, "waitlisted"), Count(session, "cancelled")));
        var promoted = await PostAsync(bkk, $"/training/sessions/{id}/registrations/{second["registrationId"]}/attendance", new { }, HttpStatusCode.OK);
        Assert.Equal("attended", promoted["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_burst_of_registrations_for_one_session_all_succeed_and_the_places_add_up()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session(capacity: 10));

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            PostAsync(bkk, $"/training/sessions/{id}/registrations", Person($"burst-{i}"), HttpStatusCode.Created)));

        Assert.Equal(10, answers.Count(a => a["status"]!.GetValue<string>() == "registered"));
        var positions = answers.Where(a => a["status"]!.GetValue<string>() == "waitlisted").Select(a => a["waitlistPosition"]!.GetValue<long>()).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 90).Select(n => positions[0] + n), positions); // 90 places in line, none shared
        var session = await GetAsync(bkk, $"/training/sessions/{id}");
        Assert.Equal((10, 90), (session["placesTaken"]!.GetValue<int>(), session["waitlisted"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_waitlisted_participants_and_lowering_it_below_the_places_taken_is_refused()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session(capacity: 1));
        foreach (var reference in new[] { "a", "b", "c" })
        {
            await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person(reference), HttpStatusCode.Created);
        }

        var amended = await SendAsync(bkk, HttpMethod.Put, $"/training/sessions/{id}", Session(capacity: 2, title: "Crypto, two places"), HttpStatusCode.OK);
        Assert.Equal(("Crypto, two places", 2, 1), (amended["title"]!.GetValue<string>(), amended["placesTaken"]!.GetValue<int>(), amended["waitlisted"]!.GetValue<int>()));

        var refused = await SendAsync(bkk, HttpMethod.Put, $"/training/sessions/{id}", Session(capacity: 1), HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["capacity"]);
    }

    [Fact]
    public async Task A_cancelled_session_takes_no_more_registrations()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session());

        var cancelled = await PostAsync(bkk, $"/training/sessions/{id}/cancellation", new { }, HttpStatusCode.OK);
        var refused = await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person("late"), HttpStatusCode.Conflict);

        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal("cancelled", refused["currentState"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_answer_and_changes_nothing()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        bkk.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await bkk.PostAsJsonAsync("/training/sessions", Session(), TestContext.Current.CancellationToken);
        var before = api.Stored();
        var again = await bkk.PostAsJsonAsync("/training/sessions", Session(), TestContext.Current.CancellationToken);
        var different = await bkk.PostAsJsonAsync("/training/sessions", Session(title: "Another"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_good_import_registers_everyone_in_one_go_and_importing_it_again_changes_nothing()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session(capacity: 3));
        var csv = "externalRef,gender,countryCode,agencyType,role\n" + string.Join("\n", Enumerable.Range(1, 5).Select(i => $"imp-{i},female,VNM,financial-intelligence-unit,analyst"));

        var imported = await ImportAsync(bkk, id, csv, HttpStatusCode.OK);
        var before = api.Stored();
        var again = await ImportAsync(bkk, id, csv, HttpStatusCode.OK);

        Assert.Equal((5, 3, 2, 0), Figures(imported));
        Assert.Equal((5, 0, 0, 5), Figures(again));
        Assert.Equal(before, api.Stored());
        var session = await GetAsync(bkk, $"/training/sessions/{id}");
        Assert.Equal((3, 2), (Count(session, "registered"), Count(session, "waitlisted")));
    }

    [Fact]
    public async Task Five_thousand_rows_are_imported_in_a_single_request()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await CreateAsync(gua, Session());
        var csv = "externalRef,gender,countryCode,agencyType\n" + string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"teacher-{i},female,GTM,education"));
        var before = api.Stored();

        var imported = await ImportAsync(gua, id, csv, HttpStatusCode.OK);

        Assert.Equal((5000, 5000, 0, 0), Figures(imported));
        Assert.Equal((before.Sessions, before.Registrations + 5000, before.EventsWritten + 5000), api.Stored());
    }

    [Fact]
    public async Task A_file_with_bad_rows_answers_every_row_and_registers_no_one()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session());
        var before = api.Stored();

        var response = await ImportAsync(bkk, id, "externalRef,gender,countryCode,agencyType\nok-1,male,THA,judiciary\nbad-1,male,TH,judiciary\nbad-2,robot,THA,judiciary\n", HttpStatusCode.BadRequest);

        Assert.Equal(["rows[3].countryCode", "rows[4].gender"], response["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Sessions_are_listed_by_filter_and_page_for_the_callers_office_only()
    {
        var dkr = await api.ClientAsync("DKR", "office-editor");
        var nbo = await api.ClientAsync("NBO", "office-editor");
        await CreateAsync(dkr, Session(title: "DKR 2020 a"));
        await CreateAsync(dkr, Session(title: "DKR 2020 b"));
        await CreateAsync(dkr, Session(title: "DKR 2021", endDate: "2021-01-20"));
        await CreateAsync(nbo, Session(title: "NBO 2020"));

        var page = await GetAsync(dkr, "/training/sessions?year=2020&topic=cryptocurrency&format=hybrid&country=THA&page=2&pageSize=1");
        var wrongTopic = await dkr.GetAsync("/training/sessions?topic=crypto", TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (page["total"]!.GetValue<int>(), page["items"]!.AsArray().Count));
        Assert.StartsWith("DKR 2020", page["items"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTopic.StatusCode);
    }

    [Fact]
    public async Task A_participants_history_is_found_by_the_offices_own_reference_and_never_another_offices()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var sal = await api.ClientAsync("SAL", "office-editor");
        var first = await CreateAsync(gua, Session(title: "First"));
        var second = await CreateAsync(gua, Session(title: "Second"));
        await PostAsync(gua, $"/training/sessions/{first}/registrations", Person("gua-hist"), HttpStatusCode.Created);
        await PostAsync(gua, $"/training/sessions/{second}/registrations", Person("gua-hist"), HttpStatusCode.Created);

        var history = await GetAsync(gua, "/training/participants/gua-hist");
        var elsewhere = await sal.GetAsync("/training/participants/gua-hist", TestContext.Current.CancellationToken);

        Assert.Equal(["First", "Second"], history["sessions"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Another_office_can_neither_change_nor_import_into_a_session()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var sal = await api.ClientAsync("SAL", "office-editor");
        var id = await CreateAsync(gua, Session());
        var registration = await PostAsync(gua, $"/training/sessions/{id}/registrations", Person("x"), HttpStatusCode.Created);
        var before = api.Stored();

        await SendAsync(sal, HttpMethod.Put, $"/training/sessions/{id}", Session(), HttpStatusCode.Forbidden);
        await PostAsync(sal, $"/training/sessions/{id}/cancellation", new { }, HttpStatusCode.Forbidden);
        await PostAsync(sal, $"/training/sessions/{id}/registrations/{registration["registrationId"]}/cancellation", new { }, HttpStatusCode.Forbidden);
        await SendAsync(sal, HttpMethod.Put, $"/training/sessions/{id}/headcount", new { counts = Array.Empty<object>() }, HttpStatusCode.Forbidden);
        await ImportAsync(sal, id, "externalRef,gender,countryCode,agencyType\ns-1,male,SLV,judiciary\n", HttpStatusCode.Forbidden);

        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_headcount_replaces_the_previous_one()
    {
        var vie = await api.ClientAsync("VIE", "office-editor");
        var id = await CreateAsync(vie, Session(format: "webinar"));

        await SendAsync(vie, HttpMethod.Put, $"/training/sessions/{id}/headcount",
            new { counts = new[] { new { countryCode = "SEN", gender = "female", count = 300 }, new { countryCode = "SEN", gender = "male", count = 250 } } }, HttpStatusCode.OK);
        var session = await SendAsync(vie, HttpMethod.Put, $"/training/sessions/{id}/headcount",
            new { counts = new[] { new { countryCode = "CIV", gender = "other", count = 7 } } }, HttpStatusCode.OK);

        Assert.Equal(7, session["headcounts"]!.AsArray().Sum(h => h!["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_session_held_in_person_takes_no_headcount_and_a_counted_webinar_cannot_become_one()
    {
        var vie = await api.ClientAsync("VIE", "office-editor");
        var inPerson = await CreateAsync(vie, Session());
        var webinar = await CreateAsync(vie, Session(format: "webinar"));
        var counts = new { counts = new[] { new { countryCode = "SEN", gender = "female", count = 300 } } };
        await SendAsync(vie, HttpMethod.Put, $"/training/sessions/{webinar}/headcount", counts, HttpStatusCode.OK);
        var before = api.Stored();

        var refused = await SendAsync(vie, HttpMethod.Put, $"/training/sessions/{inPerson}/headcount", counts, HttpStatusCode.Conflict);
        var amended = await SendAsync(vie, HttpMethod.Put, $"/training/sessions/{webinar}", Session(), HttpStatusCode.Conflict);

        Assert.Contains("webinar", refused["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("clear the headcount", amended["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task The_location_of_a_new_registration_answers_the_registration_and_its_status()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await CreateAsync(bkk, Session(capacity: 1));
        await PostAsync(bkk, $"/training/sessions/{id}/registrations", Person("first"), HttpStatusCode.Created);
        var response = await bkk.PostAsJsonAsync($"/training/sessions/{id}/registrations", Person("second"), TestContext.Current.CancellationToken);
        var created = await ExpectAsync(response, HttpStatusCode.Created);

        var registration = await GetAsync(bkk, response.Headers.Location!.ToString());
        var elsewhere = await gua.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        var unknown = await bkk.GetAsync($"/training/sessions/{id}/registrations/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal((created["registrationId"]!.GetValue<string>(), "waitlisted", "second", 0L),
            (registration["registrationId"]!.GetValue<string>(), registration["status"]!.GetValue<string>(), registration["externalRef"]!.GetValue<string>(),
                registration["waitlistPosition"]!.GetValue<long>()));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (elsewhere.StatusCode, unknown.StatusCode));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/csv")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task The_import_takes_the_file_as_people_send_it(string? contentType)
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session());
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("externalRef,gender,countryCode,agencyType\nt-1,male,THA,judiciary\n"));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var imported = await ExpectAsync(await bkk.PostAsync($"/training/sessions/{id}/registrations/import", content, TestContext.Current.CancellationToken), HttpStatusCode.OK);

        Assert.Equal((1, 1, 0, 0), Figures(imported));
    }

    [Fact]
    public async Task An_import_sent_as_another_type_says_what_is_expected_and_stores_nothing()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await CreateAsync(bkk, Session());
        var before = api.Stored();

        var response = await bkk.PostAsJsonAsync($"/training/sessions/{id}/registrations/import", new { rows = 1 }, TestContext.Current.CancellationToken);

        var problem = await ExpectAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/csv", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    private static int Count(JsonNode session, string status) => session["enrolments"]![status]!.GetValue<int>();

    private static (int, int, int, int) Figures(JsonNode import) => (
        import["rows"]!.GetValue<int>(), import["registered"]!.GetValue<int>(), import["waitlisted"]!.GetValue<int>(), import["alreadyRegistered"]!.GetValue<int>());

    private static async Task<string> CreateAsync(HttpClient client, object session) =>
        (await PostAsync(client, "/training/sessions", session, HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static Task<JsonNode> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected) =>
        SendAsync(client, HttpMethod.Post, path, body, expected);

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, TestContext.Current.CancellationToken);
        return await ExpectAsync(response, expected);
    }

    private static async Task<JsonNode> ImportAsync(HttpClient client, string id, string csv, HttpStatusCode expected)
    {
        var response = await client.PostAsync(
            $"/training/sessions/{id}/registrations/import", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        return await ExpectAsync(response, expected);
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) =>
        await ExpectAsync(await client.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.OK);

    private static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
