using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

public sealed class MeetingsAndRecommendationsApiTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_meeting_postponed_twice_keeps_every_earlier_date_and_the_decisions()
    {
        var client = await _api.SecretariatAsync();
        var id = await MeetingAsync(client, "2020-08-03", "2020-08-05");

        await client.PostAsJsonAsync($"/expert-group/meetings/{id}/postponement", new { startDate = "2021-01-11", endDate = "2021-01-13", decision = "74/567" }, Token);
        var response = await client.PostAsJsonAsync($"/expert-group/meetings/{id}/postponement",
            new { startDate = "2021-05-10", endDate = "2021-05-12", format = "hybrid", decision = "75/555" }, Token);

        var meeting = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("2021-05-10", "hybrid", "scheduled"), (meeting.GetProperty("startDate").GetString(), meeting.GetProperty("format").GetString(), meeting.GetProperty("status").GetString()));
        var history = meeting.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("startDate").GetString(), h.GetProperty("format").GetString(), h.GetProperty("decision").GetString())).ToList();
        Assert.Equal([("2020-08-03", "in-person", "74/567"), ("2021-01-11", "in-person", "75/555")], history);
        var shown = await _api.CreateClient().GetFromJsonAsync<JsonElement>($"/public/expert-group/meetings/{id}", Token);
        Assert.Equal(2, shown.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_bodys_meeting_number_is_taken_once_and_a_second_meeting_under_it_is_refused_naming_the_first()
    {
        var client = await _api.SecretariatAsync();
        object Sixth(string body) => new
        {
            body, sequence = 6, title = "Sixth meeting", startDate = "2020-07-27", endDate = "2020-07-29", venue = "Vienna", format = "hybrid", chapters = Array.Empty<string>(),
        };
        var first = await IdOf(await client.PostAsJsonAsync("/expert-group/meetings", Sixth("expert-group"), Token));

        var again = await client.PostAsJsonAsync("/expert-group/meetings", Sixth("expert-group"), Token);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(first, (await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await _api.CreateClient().GetFromJsonAsync<JsonElement>("/public/expert-group/meetings", Token)).GetProperty("total").GetInt32());
        // Another body's sixth meeting is another number.
        await IdOf(await client.PostAsJsonAsync("/expert-group/meetings", Sixth("ad-hoc-committee"), Token));
    }

    [Fact]
    public async Task A_held_or_cancelled_meeting_moves_no_more()
    {
        var client = await _api.SecretariatAsync();
        var held = await MeetingAsync(client);
        var cancelled = await MeetingAsync(client);
        await client.PostAsync($"/expert-group/meetings/{held}/held", null, Token);
        await client.PostAsync($"/expert-group/meetings/{cancelled}/cancellation", null, Token);

        var postponement = new { startDate = "2020-07-27", endDate = "2020-07-29" };
        var problem = await ProblemAsync(await client.PostAsJsonAsync($"/expert-group/meetings/{held}/postponement", postponement, Token), HttpStatusCode.Conflict);
        await ProblemAsync(await client.PostAsync($"/expert-group/meetings/{held}/cancellation", null, Token), HttpStatusCode.Conflict);
        await ProblemAsync(await client.PostAsync($"/expert-group/meetings/{cancelled}/held", null, Token), HttpStatusCode.Conflict);

        Assert.Equal("held", problem.GetProperty("currentState").GetString());
    }

    [Fact]
    public async Task A_meeting_is_recorded_as_held_only_once_it_has_started()
    {
        var client = await _api.SecretariatAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await MeetingAsync(client, future, future);

        await ProblemAsync(await client.PostAsync($"/expert-group/meetings/{id}/held", null, Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_postponement_to_the_same_dates_is_refused_even_with_a_new_format_or_venue()
    {
        var client = await _api.SecretariatAsync();
        var id = await MeetingAsync(client, "2020-08-03", "2020-08-05");

        foreach (var body in new object[] { new { startDate = "2020-08-03", endDate = "2020-08-05" }, new { startDate = "2020-08-03", endDate = "2020-08-05", format = "online", venue = "Online" } })
        {
            var problem = await ProblemAsync(await client.PostAsJsonAsync($"/expert-group/meetings/{id}/postponement", body, Token), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("startDate", out _));
        }

        var shown = await _api.CreateClient().GetFromJsonAsync<JsonElement>($"/public/expert-group/meetings/{id}", Token);
        Assert.Equal((0, "in-person"), (shown.GetProperty("history").GetArrayLength(), shown.GetProperty("format").GetString()));
        var moved = await client.PostAsJsonAsync($"/expert-group/meetings/{id}/postponement", new { startDate = "2020-08-03", endDate = "2020-08-06" }, Token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task A_recommendation_is_adopted_only_at_a_meeting_that_has_started()
    {
        var client = await _api.SecretariatAsync();
        var sixth = await MeetingAsync(client, "2020-07-27", "2020-07-29");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var next = await MeetingAsync(client, future, future);
        var later = await MeetingAsync(client, "2035-04-02", "2035-04-04");
        var id = await Propose(client, sixth, "prevention", "Awareness campaigns should reach schools.");

        foreach (var meetingId in new[] { next, later })
        {
            var problem = await ProblemAsync(await client.PostAsJsonAsync($"/expert-group/recommendations/{id}/adoption", new { meetingId }, Token), HttpStatusCode.BadRequest);
            Assert.Contains("has not started", problem.GetProperty("errors").GetProperty("meetingId")[0].GetString());
        }

        var list = await _api.CreateClient().GetFromJsonAsync<JsonElement>("/public/expert-group/recommendations", Token);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/expert-group/recommendations/{id}/adoption", new { meetingId = sixth }, Token)).StatusCode);
    }

    [Fact]
    public async Task Recommendations_go_from_preliminary_to_adopted_into_the_consolidated_list_by_chapter()
    {
        var client = await _api.SecretariatAsync();
        var sixth = await MeetingAsync(client, "2020-07-27", "2020-07-29");
        var eighth = await MeetingAsync(client, "2021-04-06", "2021-04-08");
        var cooperation = await Propose(client, sixth, "international-cooperation", "States should use the 24/7 networks.");
        var prevention = await Propose(client, sixth, "prevention", "Awareness campaigns should reach schools.");
        var withdrawn = await Propose(client, sixth, "prevention", "A recommendation later dropped.");
        var preliminary = await Propose(client, sixth, "criminalization", "Still preliminary.");

        foreach (var id in new[] { cooperation, prevention, withdrawn })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/expert-group/recommendations/{id}/adoption", new { meetingId = eighth }, Token)).StatusCode);
        }

        await client.PostAsync($"/expert-group/recommendations/{withdrawn}/withdrawal", null, Token);

        var list = await _api.CreateClient().GetFromJsonAsync<JsonElement>("/public/expert-group/recommendations", Token);
        var chapters = list.GetProperty("chapters").EnumerateArray()
            .Select(c => (c.GetProperty("chapter").GetString(), c.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Single())).ToList();
        Assert.Equal([("international-cooperation", cooperation), ("prevention", prevention)], chapters);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.DoesNotContain(preliminary, list.ToString());

        var again = await ProblemAsync(await client.PostAsJsonAsync($"/expert-group/recommendations/{cooperation}/adoption", new { meetingId = eighth }, Token), HttpStatusCode.Conflict);
        Assert.Equal("adopted", again.GetProperty("currentState").GetString());
        await ProblemAsync(await client.PostAsync($"/expert-group/recommendations/{withdrawn}/withdrawal", null, Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_recommendation_needs_a_meeting_that_exists_and_was_not_cancelled()
    {
        var client = await _api.SecretariatAsync();
        var cancelled = await MeetingAsync(client);
        await client.PostAsync($"/expert-group/meetings/{cancelled}/cancellation", null, Token);

        var missing = await ProblemAsync(await client.PostAsJsonAsync("/expert-group/recommendations",
            new { meetingId = Guid.NewGuid(), chapter = "prevention", text = "x" }, Token), HttpStatusCode.BadRequest);
        var called = await ProblemAsync(await client.PostAsJsonAsync("/expert-group/recommendations",
            new { meetingId = cancelled, chapter = "prevention", text = "x" }, Token), HttpStatusCode.BadRequest);

        Assert.True(missing.GetProperty("errors").TryGetProperty("meetingId", out _));
        Assert.True(called.GetProperty("errors").TryGetProperty("meetingId", out _));
    }

    private static async Task<string> Propose(HttpClient client, string meetingId, string chapter, string text) =>
        await IdOf(await client.PostAsJsonAsync("/expert-group/recommendations", new { meetingId, chapter, text }));
}
