using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.Reporting.Tests;

/// <summary>Who may read the awareness summary, and what a wrong question is told.</summary>
public sealed class AwarenessSummaryApiTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task An_empty_year_answers_zeros_with_every_metric_listed()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var summary = (await hq.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken))!;

        Assert.Equal(
            """{"year":2020,"views":0,"byMetric":{"views":0,"impressions":0,"reach":0,"engagements":0,"listeners":0,"downloads":0},"viewsByChannel":{},"viewsByCountry":{},"viewsByLanguage":{},"campaigns":[],"activities":0,"activityParticipants":0,"activityCountries":0,"participantsByKind":{},"participantsByCountry":{},"viewsByPeriod":[],"office":null,"region":null,"kind":null}""",
            summary.ToJsonString());
    }

    [Fact]
    public async Task The_summary_names_the_filters_that_produced_it()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var summary = (await hq.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020&office=GUA&region=latin-america-caribbean&kind=webinar", TestContext.Current.CancellationToken))!;

        Assert.Equal(("GUA", "latin-america-caribbean", "webinar"), ((string?)summary["office"], (string?)summary["region"], (string?)summary["kind"]));
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("?year=1989", "year")]
    [InlineData("?year=2020&office=XYZ", "office")]
    [InlineData("?year=2020&region=europe", "region")]
    [InlineData("?year=2020&kind=webinars", "kind")]
    public async Task A_wrong_question_is_refused_naming_the_parameter(string query, string field)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync($"/reporting/awareness/summary{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task An_office_editor_is_forbidden_and_no_token_is_unauthorized()
    {
        using var office = await reporting.ClientAsync("GUA", "office-editor");

        var forbidden = await office.GetAsync("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken);
        var anonymous = await reporting.CreateClient().GetAsync("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (forbidden.StatusCode, anonymous.StatusCode));
    }
}
