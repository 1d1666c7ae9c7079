using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Reporting.Tests;

/// <summary>The annual report over HTTP: its sentences and figures, each linked to its query, in JSON, Markdown and HTML.</summary>
public sealed class AnnualReportTests(AnnualReportHost reporting) : IClassFixture<AnnualReportHost>
{
    [Fact]
    public async Task The_report_writes_each_areas_figures_as_sentences_with_thousands_separated()
    {
        var report = await ReportAsync("");

        Assert.Equal(["training", "evidence", "awareness", "expert-group"], report["sections"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal(
            "In 2020, 4 criminal-justice practitioners from 4 countries were trained: law-enforcement officers, prosecutors and judges.",
            Text(report, "training", "criminal-justice-practitioners"));
        Assert.Equal("Training on cryptocurrency and darknet investigations reached 2 officers.", Text(report, "training", "cryptocurrency-darknet"));
        Assert.Equal("Multi-week courses were completed by 2 participants from 2 countries.", Text(report, "training", "multi-week-courses"));
        Assert.Equal("Training in prevention reached 2 teachers.", Text(report, "training", "teachers"));
        Assert.Equal("Training on digital evidence was given to 3 justice officials from 3 countries.", Text(report, "training", "digital-evidence"));
        Assert.Equal("In 2020, 3 requests for electronic evidence were sent in 2 cases.", Text(report, "evidence", "requests"));
        Assert.Equal("Requests that were decided took a median of 20 days from submission to outcome.", Text(report, "evidence", "turnaround"));
        Assert.Equal("Of the year's requests, 2 were fulfilled and 1 was refused.", Text(report, "evidence", "outcomes"));
        Assert.Equal("In 2020, 1,742 people took part in awareness activities.", Text(report, "awareness", "activities"));
        Assert.Equal("Webinars brought together 1,642 people from 2 countries.", Text(report, "awareness", "webinars"));
        Assert.Equal("The most viewed campaign, “Navega seguro”, reached 28.5 million views.", Text(report, "awareness", "most-viewed-campaign"));
        Assert.Equal("Campaigns reached 2.8 million views on Twitter and LinkedIn.", Text(report, "awareness", "twitter-linkedin"));
        Assert.Equal(
            "In 2020, 1 meeting was held. The sixth meeting of the Expert Group, planned for 6–8 April 2020, was postponed and held on 27–29 July 2020 in hybrid form. "
            + "Of the meetings planned for 2020, 3 were postponed.",
            Text(report, "expert-group", "meetings"));
        Assert.Equal("In 2020, 2 documents were published: UNODC/CCPCJ/EG.4/2020/1 and UNODC/CCPCJ/EG.4/2020/2.", Text(report, "expert-group", "documents"));
        Assert.Equal("At the year's meetings, 3 recommendations were proposed and 1 was adopted.", Text(report, "expert-group", "recommendations"));
    }

    [Fact]
    public async Task Each_figure_is_the_sum_of_the_fields_it_names_in_the_summary_query_it_links()
    {
        var report = await ReportAsync("");

        Assert.Equal(
            """{"name":"practitioners","value":4,"href":"/reporting/training/summary?year=2020","fields":["criminalJusticePractitioners"]}""",
            Figure(report, "training", "criminal-justice-practitioners", "practitioners").ToJsonString(Relaxed));
        Assert.Equal(
            """{"name":"officers","value":2,"href":"/reporting/training/summary?year=2020&topic=cryptocurrency","fields":["practitionersTrained"]}""",
            Figure(report, "training", "cryptocurrency-darknet", "officers").ToJsonString(Relaxed));
        Assert.Equal(
            """{"name":"views","value":2800000,"href":"/reporting/awareness/summary?year=2020","fields":["viewsByChannel.twitter","viewsByChannel.linkedin"]}""",
            Figure(report, "awareness", "twitter-linkedin", "views").ToJsonString(Relaxed));
        Assert.Equal(
            """{"name":"countries","value":2,"href":"/reporting/awareness/summary?year=2020&kind=webinar","fields":["activityCountries"]}""",
            Figure(report, "awareness", "webinars", "countries").ToJsonString(Relaxed));
        Assert.Equal(["byAgencyType.education"], Figure(report, "training", "teachers", "teachers")["fields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(20, (double)Figure(report, "evidence", "turnaround", "median")["value"]!);
        Assert.Equal(28_500_000, (double)Figure(report, "awareness", "most-viewed-campaign", "views")["value"]!);
        Assert.Equal((1, 3), ((int)Figure(report, "expert-group", "meetings", "held")["value"]!, (int)Figure(report, "expert-group", "meetings", "postponed")["value"]!));

        // Read back from the summaries themselves: every figure is the sum of its fields there.
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        foreach (var figure in report["sections"]!.AsArray().SelectMany(s => s!["statements"]!.AsArray()).SelectMany(s => s!["figures"]!.AsArray()))
        {
            var summary = (await hq.GetFromJsonAsync<JsonObject>((string)figure!["href"]!, TestContext.Current.CancellationToken))!;
            Assert.Equal((double)figure["value"]!, figure["fields"]!.AsArray().Sum(f => At(summary, (string)f!)));
        }
    }

    [Fact]
    public async Task A_statement_whose_figures_are_all_zero_is_left_out()
    {
        var report = await ReportAsync("");

        Assert.DoesNotContain("incident-response", Statements(report, "training").Select(s => (string)s!["id"]!));
        Assert.Contains("teachers", Statements(report, "training").Select(s => (string)s!["id"]!));
    }

    [Fact]
    public async Task An_office_narrows_every_area_it_applies_to_and_the_expert_group_says_it_is_global()
    {
        var report = await ReportAsync("?office=GUA");

        Assert.Equal("GUA", (string)report["office"]!);
        Assert.Equal(
            """{"name":"practitioners","value":3,"href":"/reporting/training/summary?year=2020&office=GUA","fields":["criminalJusticePractitioners"]}""",
            Figure(report, "training", "criminal-justice-practitioners", "practitioners").ToJsonString(Relaxed));
        Assert.DoesNotContain("cryptocurrency-darknet", Statements(report, "training").Select(s => (string)s!["id"]!));
        Assert.Equal("In 2020, 2 requests for electronic evidence were sent in 1 case.", Text(report, "evidence", "requests"));
        Assert.Equal("In 2020, 1,642 people took part in awareness activities.", Text(report, "awareness", "activities"));
        Assert.Null(Section(report, "training")["note"]);
        Assert.Equal("The Expert Group's work is global: the figures below are for every office.", (string)Section(report, "expert-group")["note"]!);
        Assert.Equal("/reporting/expert-group/summary?year=2020", (string)Figure(report, "expert-group", "meetings", "held")["href"]!);
    }

    [Fact]
    public async Task A_region_narrows_training_to_its_offices()
    {
        var report = await ReportAsync("?region=asia-pacific");

        Assert.Equal("asia-pacific", (string)report["region"]!);
        Assert.Equal(
            """{"name":"practitioners","value":1,"href":"/reporting/training/summary?year=2020&region=asia-pacific","fields":["criminalJusticePractitioners"]}""",
            Figure(report, "training", "criminal-justice-practitioners", "practitioners").ToJsonString(Relaxed));
        Assert.Equal("In 2020, 1 criminal-justice practitioner from 1 country was trained: law-enforcement officers, prosecutors and judges.",
            Text(report, "training", "criminal-justice-practitioners"));
        Assert.Equal("In 2020, 1 request for electronic evidence was sent in 1 case.", Text(report, "evidence", "requests"));
        Assert.Equal("In 2020, 100 people took part in awareness activities.", Text(report, "awareness", "activities"));
        Assert.Equal([null, null, null], report["sections"]!.AsArray().Take(3).Select(s => s!["note"]));
        Assert.DoesNotContain("webinars", Statements(report, "awareness").Select(s => (string)s!["id"]!));
        Assert.Equal("The Expert Group's work is global: the figures below are for every region.", (string)Section(report, "expert-group")["note"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?office=GUA")]
    [InlineData("?office=BKK")]
    [InlineData("?region=asia-pacific")]
    public async Task No_sentence_starts_with_a_digit_or_reports_a_zero(string query)
    {
        var report = await ReportAsync(query);

        var texts = report["sections"]!.AsArray().SelectMany(s => s!["statements"]!.AsArray()).Select(t => (string)t!["text"]!).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts.SelectMany(t => t.Split(". ")), sentence => Assert.False(char.IsDigit(sentence[0]), sentence));
        Assert.All(texts, text => Assert.DoesNotMatch(@"(^|[\s(])0(\s|$)", text));
    }

    [Fact]
    public async Task A_filtered_report_names_its_office_and_region_in_words()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var markdown = await hq.GetStringAsync("/reporting/annual/2020?office=BKK&region=asia-pacific&format=md", TestContext.Current.CancellationToken);

        Assert.StartsWith("# Annual report 2020\n\nFigures for the Bangkok office, in Asia and the Pacific.\n\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_renders_the_same_sentences_with_each_figure_a_link_to_its_query()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        hq.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));

        var response = await hq.GetAsync("/reporting/annual/2020", TestContext.Current.CancellationToken);
        var markdown = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# Annual report 2020\n\n## Training and capacity building\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "In 2020, [4](/reporting/training/summary?year=2020 \"criminalJusticePractitioners\") criminal-justice practitioners from [4](/reporting/training/summary?year=2020 \"criminalJusticeCountries\") countries were trained: law-enforcement officers, prosecutors and judges.\n",
            markdown, StringComparison.Ordinal);
        Assert.Contains("Campaigns reached [2.8 million](/reporting/awareness/summary?year=2020 \"viewsByChannel.twitter + viewsByChannel.linkedin\") views on Twitter and LinkedIn.",
            markdown, StringComparison.Ordinal);
        Assert.Contains("[1,742](/reporting/awareness/summary?year=2020 \"activityParticipants\")", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_is_one_self_contained_page_with_each_figure_a_link_to_its_query()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        hq.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var response = await hq.GetAsync("/reporting/annual/2020?office=GUA", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Annual report 2020</h1>\n<p>Figures for the Guatemala City office.</p>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p id=\"training-teachers\">Training in prevention reached <a href=\"/reporting/training/summary?year=2020&amp;office=GUA&amp;topic=prevention\" title=\"byAgencyType.education\">2</a> teachers.</p>",
            html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reporting/awareness/summary?year=2020&amp;office=GUA\" title=\"activityParticipants\">1,642</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?format=csv&amp;office=GUA\">CSV</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/reporting/annual/1989", "year")]
    [InlineData("/reporting/annual/twenty", "year")]
    [InlineData("/reporting/annual/2020?office=XYZ", "office")]
    [InlineData("/reporting/annual/2020?region=mars", "region")]
    public async Task A_wrong_question_is_refused_naming_the_field(string url, string field)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("/reporting/annual/2020", "application/pdf")]
    [InlineData("/reporting/annual/2020?format=pdf", null)]
    [InlineData("/reporting/training/summary?year=2020", "text/html")]
    [InlineData("/reporting/training/summary?year=2020&format=md", null)]
    public async Task A_format_not_offered_is_not_acceptable(string url, string? accept)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        if (accept is not null)
        {
            hq.DefaultRequestHeaders.Accept.ParseAdd(accept);
        }

        var response = await hq.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("/reporting/annual/2020", "text/*", HttpStatusCode.OK, "text/markdown")]
    [InlineData("/reporting/training/summary?year=2020", "text/*", HttpStatusCode.OK, "text/csv")]
    [InlineData("/reporting/annual/2020", "text/html;q=abc, application/json;q=0.5", HttpStatusCode.OK, "application/json")]
    [InlineData("/reporting/annual/2020", "text/html;q=abc", HttpStatusCode.NotAcceptable, "application/problem+json")]
    public async Task A_range_picks_the_first_type_offered_and_a_malformed_quality_counts_as_zero(string url, string accept, HttpStatusCode status, string type)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        Assert.True(hq.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept));

        var response = await hq.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal((status, type), (response.StatusCode, response.Content.Headers.ContentType!.MediaType));
    }

    [Fact]
    public async Task An_office_editor_is_forbidden()
    {
        using var office = await reporting.ClientAsync("GUA", "office-editor");

        var response = await office.GetAsync("/reporting/annual/2020", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>JSON as written in the test, without escaping <c>&amp;</c> in the links.</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("/reporting/annual/{year}", "application/json,text/csv,text/html,text/markdown," + Xlsx)]
    [InlineData("/reporting/training/summary", "application/json,text/csv," + Xlsx)]
    [InlineData("/reporting/expert-group/summary", "application/json,text/csv," + Xlsx)]
    public async Task The_api_reference_lists_each_format_a_route_answers_in(string path, string types)
    {
        var document = (await reporting.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var answers = document["paths"]![path]!["get"]!["responses"]!;

        Assert.Equal(types.Split(",").Order(StringComparer.Ordinal), answers["200"]!["content"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["200", "400", "401", "403", "406"], answers.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<JsonObject> ReportAsync(string query)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        return (await hq.GetFromJsonAsync<JsonObject>($"/reporting/annual/2020{query}", TestContext.Current.CancellationToken))!;
    }

    private static JsonObject Section(JsonObject report, string id) => report["sections"]!.AsArray().Single(s => (string)s!["id"]! == id)!.AsObject();

    private static JsonArray Statements(JsonObject report, string section) => Section(report, section)["statements"]!.AsArray();

    private static JsonObject Statement(JsonObject report, string section, string id) => Statements(report, section).Single(s => (string)s!["id"]! == id)!.AsObject();

    private static string Text(JsonObject report, string section, string id) => (string)Statement(report, section, id)["text"]!;

    private static JsonObject Figure(JsonObject report, string section, string statement, string name) =>
        Statement(report, section, statement)["figures"]!.AsArray().Single(f => (string)f!["name"]! == name)!.AsObject();

    /// <summary>The number at a dotted path of a summary (<c>campaigns.0.views</c>), 0 when absent.</summary>
    internal static double At(JsonNode summary, string path)
    {
        JsonNode? node = summary;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node?[part];
        }

        return node is null ? 0 : (double)node;
    }
}
