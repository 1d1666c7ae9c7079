using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.Reporting.Tests;

/// <summary>The training summary's filters over HTTP: their wire names, and what a wrong one is told.</summary>
public sealed class TrainingSummaryApiTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task The_filters_asked_for_are_echoed_with_the_criminal_justice_figures()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var summary = (await hq.GetFromJsonAsync<JsonObject>(
            "/reporting/training/summary?year=2020&topic=digital-evidence&format=multi-week-course", TestContext.Current.CancellationToken))!;

        Assert.Equal(("digital-evidence", "multi-week-course"), (summary["topic"]!.GetValue<string>(), summary["format"]!.GetValue<string>()));
        Assert.Equal((0, 0, "{}"), (summary["criminalJusticePractitioners"]!.GetValue<int>(), summary["criminalJusticeCountries"]!.GetValue<int>(), summary["byRegion"]!.ToJsonString()));
    }

    [Theory]
    [InlineData("?year=2020&topic=hacking", "topic", "digital-evidence")]
    [InlineData("?year=2020&format=classroom", "format", "multi-week-course")]
    [InlineData("?year=2020&format=MultiWeekCourse", "format", "in-person")]
    public async Task A_wrong_topic_or_format_is_refused_naming_the_parameter_and_its_values(string query, string field, string listed)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync($"/reporting/training/summary{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains(listed, errors[field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
