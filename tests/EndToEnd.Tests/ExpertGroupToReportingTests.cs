using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Expert group and reporting as two separate processes over a real RabbitMQ: the secretariat records
/// two years of meetings, documents and recommendations over HTTP, and reporting's summary reaches the
/// exact figures the rules give, and keeps them when every event is delivered twice more, once in reverse.
/// </summary>
public sealed class ExpertGroupToReportingTests : IAsyncLifetime
{
    private const string Queue = "reporting-expert-group";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// 2020: the sixth meeting held (postponed within 2020), the seventh and the organizational session postponed
    /// into 2021, one meeting cancelled; the preliminary recommendations (English, French added in 2021) and an
    /// agenda in three languages (superseded in 2021) published, a report published then withdrawn; three
    /// recommendations proposed at the sixth meeting: one adopted there, one adopted at the seventh, one withdrawn.
    /// </summary>
    private static readonly JsonNode Expected2020 = JsonNode.Parse("""
        {"year":2020,"meetingsHeld":1,"meetingsPostponed":3,"meetingsCancelled":1,"documentsPublished":2,
         "documentsByType":{"preliminary-recommendations":1,"agenda":1},"languageVersionsPublished":5,
         "byLanguage":{"ar":0,"zh":0,"en":2,"fr":2,"ru":0,"es":1},
         "recommendations":{"proposed":3,"adopted":1,"withdrawn":1},
         "recommendationsByChapter":{"international-cooperation":1,"prevention":2},
         "recommendationsByChapterAndStatus":{"international-cooperation":{"proposed":1,"adopted":0,"withdrawn":0},"prevention":{"proposed":2,"adopted":1,"withdrawn":1}},
         "meetings":[
           {"title":"Meeting of the Expert Group","number":6,"body":"expert-group","format":"hybrid","status":"held",
            "start":"2020-07-27","end":"2020-07-29","originalStart":"2020-04-06","originalEnd":"2020-04-08"},
           {"title":"Meeting of the Expert Group","number":9,"body":"expert-group","format":"in-person","status":"cancelled",
            "start":"2020-12-01","end":"2020-12-03","originalStart":null,"originalEnd":null}],
         "documents":[
           {"symbol":"UNODC/CCPCJ/EG.4/2020/1","title":"Document UNODC/CCPCJ/EG.4/2020/1","type":"agenda","languages":["en","es","fr"]},
           {"symbol":"UNODC/CCPCJ/EG.4/2020/2","title":"Document UNODC/CCPCJ/EG.4/2020/2","type":"preliminary-recommendations","languages":["en","fr"]}]}
        """)!;

    /// <summary>2021: the seventh meeting held; a study in Arabic; one recommendation proposed at the seventh, one adopted there.</summary>
    private static readonly JsonNode Expected2021 = JsonNode.Parse("""
        {"year":2021,"meetingsHeld":1,"meetingsPostponed":0,"meetingsCancelled":0,"documentsPublished":1,
         "documentsByType":{"study":1},"languageVersionsPublished":1,
         "byLanguage":{"ar":1,"zh":0,"en":0,"fr":0,"ru":0,"es":0},
         "recommendations":{"proposed":1,"adopted":1,"withdrawn":0},
         "recommendationsByChapter":{"criminalization":1},
         "recommendationsByChapterAndStatus":{"criminalization":{"proposed":1,"adopted":0,"withdrawn":0},"international-cooperation":{"proposed":0,"adopted":1,"withdrawn":0}},
         "meetings":[
           {"title":"Meeting of the Expert Group","number":7,"body":"expert-group","format":"hybrid","status":"held",
            "start":"2021-04-06","end":"2021-04-08","originalStart":"2020-11-02","originalEnd":"2020-11-04"},
           {"title":"Meeting of the Expert Group","number":8,"body":"expert-group","format":"hybrid","status":"scheduled",
            "start":"2021-05-10","end":"2021-05-12","originalStart":"2020-08-03","originalEnd":"2020-08-05"}],
         "documents":[{"symbol":"UNODC/CCPCJ/EG.4/2021/1","title":"Document UNODC/CCPCJ/EG.4/2021/1","type":"study","languages":["ar"]}]}
        """)!;

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync("expert-group", "Cybercrime.ExpertGroup");

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task The_secretariats_year_reaches_the_summary_exactly_even_when_every_event_comes_again_in_reverse()
    {
        await using var tap = await EventTap.OpenAsync(_services.Broker.Amqp, EventTap.ContractEvents());
        var eg = await ServiceSet.ClientAsync(_services.Producer, new { roles = new[] { "secretariat" } });
        var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });

        var sixth = await MeetingAsync(eg, 6, "2020-04-06", ("2020-07-27", null));
        var seventh = await MeetingAsync(eg, 7, "2020-11-02", ("2021-04-06", null));
        await MeetingAsync(eg, 8, "2020-08-03", ("2021-01-11", "74/567"), ("2021-05-10", "75/555"));
        var cancelled = await MeetingAsync(eg, 9, "2020-12-01");
        await PostAsync(eg, $"/expert-group/meetings/{sixth}/held", null);
        await PostAsync(eg, $"/expert-group/meetings/{seventh}/held", null);
        await PostAsync(eg, $"/expert-group/meetings/{cancelled}/cancellation", null);

        var recommendations = await DocumentAsync(eg, "UNODC/CCPCJ/EG.4/2020/2", "preliminary-recommendations", "en", sixth);
        await PublishAsync(eg, recommendations, "2020-07-27", "en");
        await PublishAsync(eg, recommendations, "2021-02-01", "fr");
        var agenda = await DocumentAsync(eg, "UNODC/CCPCJ/EG.4/2020/1", "agenda", "en", sixth);
        await PublishAsync(eg, agenda, "2020-07-01", "en", "es", "fr");
        await PostAsync(eg, $"/expert-group/documents/{agenda}/revisions", null);
        await PublishAsync(eg, agenda, "2021-01-05", "en");
        var report = await DocumentAsync(eg, "UNODC/CCPCJ/EG.4/2020/3", "report", "en", sixth);
        await PublishAsync(eg, report, "2020-08-01", "en", "ru");
        await PostAsync(eg, $"/expert-group/documents/{report}/withdrawal", null);
        var study = await DocumentAsync(eg, "UNODC/CCPCJ/EG.4/2021/1", "study", "ar", null);
        await PublishAsync(eg, study, "2021-03-01", "ar");
        var draft = await DocumentAsync(eg, "UNODC/CCPCJ/EG.4/2020/4", "note", "en", sixth);
        await UploadAsync(eg, draft, "en");

        var cooperation = await ProposeAsync(eg, sixth, "international-cooperation");
        var prevention = await ProposeAsync(eg, sixth, "prevention");
        var dropped = await ProposeAsync(eg, sixth, "prevention");
        await ProposeAsync(eg, seventh, "criminalization");
        await PostAsync(eg, $"/expert-group/recommendations/{cooperation}/adoption", new { meetingId = seventh });
        await PostAsync(eg, $"/expert-group/recommendations/{prevention}/adoption", new { meetingId = sixth });
        await PostAsync(eg, $"/expert-group/recommendations/{dropped}/withdrawal", null);

        await _services.WithServiceLogsAsync(() => Eventually.Until(() => SummaryAsync(hq, 2020), s => JsonNode.DeepEquals(s, Expected2020), Deadline, $"the summary {Expected2020.ToJsonString()}"));
        Assert.True(JsonNode.DeepEquals(Expected2021, await SummaryAsync(hq, 2021)), (await SummaryAsync(hq, 2021)).ToJsonString());

        // 11 meeting, 7 document and 7 recommendation events: on the tap, and each consumed by reporting.
        await _services.DeliverEverythingTwiceMoreAsync(tap, Queue, Deadline, expected: 25);

        Assert.Equal(Expected2020.ToJsonString(), Canonical(await SummaryAsync(hq, 2020), Expected2020));
        Assert.Equal(Expected2021.ToJsonString(), Canonical(await SummaryAsync(hq, 2021), Expected2021));
    }

    /// <summary>The summary if it equals the expected one (whatever its key order), else its own text, for the failure message.</summary>
    private static string Canonical(JsonNode summary, JsonNode expected) => JsonNode.DeepEquals(summary, expected) ? expected.ToJsonString() : summary.ToJsonString();

    private static async Task<string> MeetingAsync(HttpClient eg, int sequence, string start, params (string Start, string? Decision)[] moves)
    {
        var id = await PostAsync(eg, "/expert-group/meetings", new
        {
            body = "expert-group", sequence, title = "Meeting of the Expert Group", startDate = start,
            endDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            venue = "Vienna", format = "in-person", chapters = new[] { "international-cooperation" },
        });
        foreach (var (moved, decision) in moves)
        {
            var end = DateOnly.Parse(moved, System.Globalization.CultureInfo.InvariantCulture).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await PostAsync(eg, $"/expert-group/meetings/{id}/postponement", new { startDate = moved, endDate = end, format = "hybrid", decision });
        }

        return id!;
    }

    private static async Task<string> DocumentAsync(HttpClient eg, string symbol, string type, string language, string? meetingId) =>
        (await PostAsync(eg, "/expert-group/documents", new { symbol, title = $"Document {symbol}", type, meetingId, originalLanguage = language }))!;

    private static async Task PublishAsync(HttpClient eg, string id, string on, params string[] languages)
    {
        foreach (var language in languages)
        {
            await UploadAsync(eg, id, language);
        }

        await PostAsync(eg, $"/expert-group/documents/{id}/publication", new { on });
    }

    private static async Task UploadAsync(HttpClient eg, string id, string language)
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.7\n% {id} {language} {Guid.NewGuid()}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await eg.PutAsync($"/expert-group/documents/{id}/versions/{language}", file, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> ProposeAsync(HttpClient eg, string meetingId, string chapter) =>
        (await PostAsync(eg, "/expert-group/recommendations", new { meetingId, chapter, text = $"A recommendation on {chapter}." }))!;

    /// <summary>Posts and checks success; returns the answer's id, if it has one.</summary>
    private static async Task<string?> PostAsync(HttpClient client, string path, object? body)
    {
        var response = await client.PostAsync(path, body is null ? null : JsonContent.Create(body), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {json}");
        return JsonNode.Parse(json)?["id"]?.GetValue<string>();
    }

    private static async Task<JsonNode> SummaryAsync(HttpClient hq, int year) =>
        (await hq.GetFromJsonAsync<JsonNode>($"/reporting/expert-group/summary?year={year}", TestContext.Current.CancellationToken))!;
}
