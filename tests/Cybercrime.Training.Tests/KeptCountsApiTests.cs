using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.Contracts.Training;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Tests;

/// <summary>
/// The counts kept so that two reads cost the same however much data there is: a session's enrolments
/// by status and an office's sessions. Each is compared with the rows themselves, counted in the store's file.
/// </summary>
public sealed class KeptCountsApiTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    [Fact]
    public async Task The_session_keeps_its_enrolments_by_status_through_every_kind_of_change()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await ScheduleAsync(bkk, capacity: 3);
        var people = new Dictionary<string, string>();
        foreach (var reference in new[] { "a", "b", "x", "c", "d" })
        {
            people[reference] = (await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person(reference), HttpStatusCode.Created))["registrationId"]!.GetValue<string>();
            AssertKept(id);
        }

        foreach (var (reference, action) in new[] { ("a", "attendance"), ("a", "completion"), ("b", "no-show"), ("x", "cancellation"), ("d", "cancellation") })
        {
            await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations/{people[reference]}/{action}", new { }, HttpStatusCode.OK);
            AssertKept(id);
        }

        await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person("d"), HttpStatusCode.Created); // again, after cancelling
        AssertKept(id);
        await SendAsync(bkk, HttpMethod.Put, $"/training/sessions/{id}", Session(capacity: 4), HttpStatusCode.OK); // promotes d
        AssertKept(id);
        await ImportAsync(bkk, id, "externalRef,gender,countryCode,agencyType\nx,male,THA,law-enforcement\ne,female,VNM,law-enforcement\nf,female,VNM,law-enforcement");
        AssertKept(id);

        // a completed, b no-show, c promoted when x cancelled, d promoted by the new capacity; x back from cancelled, e and f waitlisted.
        var expected = new EnrolmentCounts { Registered = 2, Completed = 1, NoShow = 1, Waitlisted = 3 };
        Assert.Equal(expected, api.StoredSession(id).Enrolments);
        var read = await SendAsync(bkk, HttpMethod.Get, $"/training/sessions/{id}", null, HttpStatusCode.OK);
        Assert.Equal((2, 1, 1, 3, 0), (Count(read, "registered"), Count(read, "completed"), Count(read, "no-show"), Count(read, "waitlisted"), Count(read, "cancelled")));
    }

    [Fact]
    public async Task Concurrent_registrations_and_cancellations_that_promote_leave_the_kept_counts_equal_to_the_registrations()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await ScheduleAsync(bkk, capacity: 10);
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person($"burst-{i}"), HttpStatusCode.Created)));
        var registered = answers.Where(a => a["status"]!.GetValue<string>() == "registered").Take(5).Select(a => a["registrationId"]!.GetValue<string>());

        await Task.WhenAll(registered.Select(r => SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations/{r}/cancellation", new { }, HttpStatusCode.OK)));

        AssertKept(id);
        Assert.Equal(new EnrolmentCounts { Registered = 10, Waitlisted = 45, Cancelled = 5 }, api.StoredSession(id).Enrolments);
    }

    [Fact]
    public async Task A_session_stored_before_counts_were_kept_is_counted_from_its_registrations_and_keeps_them_from_its_next_change()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await ScheduleAsync(bkk, capacity: 1);
        await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person("early-1"), HttpStatusCode.Created);
        await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person("early-2"), HttpStatusCode.Created);
        api.Execute("UPDATE sessions SET body = json_remove(body, '$.enrolments') WHERE id = $p", id);
        Assert.Null(api.StoredSession(id).Enrolments);

        var read = await SendAsync(bkk, HttpMethod.Get, $"/training/sessions/{id}", null, HttpStatusCode.OK);
        Assert.Equal((1, 1), (Count(read, "registered"), Count(read, "waitlisted")));
        await SendAsync(bkk, HttpMethod.Post, $"/training/sessions/{id}/registrations", Person("late"), HttpStatusCode.Created);

        AssertKept(id);
        Assert.Equal(new EnrolmentCounts { Registered = 1, Waitlisted = 2 }, api.StoredSession(id).Enrolments);
    }

    [Fact]
    public async Task Concurrent_schedulings_are_all_counted_and_an_unfiltered_page_gives_the_count_while_a_filtered_one_counts_its_matches()
    {
        var vie = await api.ClientAsync("VIE", "office-editor");
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => ScheduleAsync(vie, endDate: i % 3 == 0 ? "2021-01-20" : "2020-11-20")));
        await SendAsync(vie, HttpMethod.Post, $"/training/sessions/{await ScheduleAsync(vie)}/cancellation", new { }, HttpStatusCode.OK);

        var (counted, kept) = api.SessionsOf("VIE");
        Assert.Equal((31L, 31L), (counted, kept));
        Assert.Equal(31, Total(await SendAsync(vie, HttpMethod.Get, "/training/sessions?page=2&pageSize=5", null, HttpStatusCode.OK)));
        Assert.Equal(10, Total(await SendAsync(vie, HttpMethod.Get, "/training/sessions?year=2021", null, HttpStatusCode.OK)));
        Assert.Equal(21, Total(await SendAsync(vie, HttpMethod.Get, "/training/sessions?year=2020&format=hybrid", null, HttpStatusCode.OK)));
    }

    [Fact]
    public async Task An_office_whose_sessions_were_scheduled_before_the_count_was_kept_is_counted_and_keeps_the_count_from_its_next_session()
    {
        var dkr = await api.ClientAsync("DKR", "office-editor");
        await ScheduleAsync(dkr);
        await ScheduleAsync(dkr);
        api.Execute("DELETE FROM offices WHERE id = $p", "DKR");

        Assert.Equal(2, Total(await SendAsync(dkr, HttpMethod.Get, "/training/sessions", null, HttpStatusCode.OK)));
        await ScheduleAsync(dkr);

        Assert.Equal((3L, 3L), api.SessionsOf("DKR"));
    }

    [Theory]
    [InlineData("1989", HttpStatusCode.BadRequest)]
    [InlineData("2101", HttpStatusCode.BadRequest)]
    [InlineData("1990", HttpStatusCode.OK)]
    [InlineData("2100", HttpStatusCode.OK)]
    public async Task The_year_filter_takes_the_reporting_years(string year, HttpStatusCode expected)
    {
        var nbo = await api.ClientAsync("NBO", "office-editor");

        var answer = await SendAsync(nbo, HttpMethod.Get, $"/training/sessions?year={year}", null, expected);

        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("1990 to 2100", answer["errors"]!["year"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gtm")]
    [InlineData("XX")]
    [InlineData("123")]
    public async Task The_country_filter_takes_only_a_country_code(string country)
    {
        var nbo = await api.ClientAsync("NBO", "office-editor");

        var answer = await SendAsync(nbo, HttpMethod.Get, $"/training/sessions?country={country}", null, HttpStatusCode.BadRequest);

        Assert.Contains("ISO 3166-1 alpha-3", answer["errors"]!["country"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private void AssertKept(string id) => Assert.Equal(api.CountedEnrolments(id), api.StoredSession(id).Enrolments);

    private static int Count(JsonNode session, string status) => session["enrolments"]![status]!.GetValue<int>();

    private static long Total(JsonNode page) => page["total"]!.GetValue<long>();

    private static object Session(int? capacity = null, string endDate = "2020-11-20") => new
    {
        title = "Cryptocurrency investigations",
        topics = new[] { "cryptocurrency" },
        format = "hybrid",
        languages = new[] { "en" },
        startDate = "2020-11-16",
        endDate,
        hostCountry = "THA",
        capacity,
    };

    private static object Person(string reference) => new
    {
        participant = new { externalRef = reference, gender = "male", countryCode = "THA", agencyType = "law-enforcement" },
    };

    private static async Task<string> ScheduleAsync(HttpClient client, int? capacity = null, string endDate = "2020-11-20") =>
        (await SendAsync(client, HttpMethod.Post, "/training/sessions", Session(capacity, endDate), HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static async Task ImportAsync(HttpClient client, string id, string csv)
    {
        var response = await client.PostAsync($"/training/sessions/{id}/registrations/import", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
