using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.Reporting.Tests;

/// <summary>What a wrong question to the evidence summary is told.</summary>
public sealed class EvidenceSummaryApiTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task The_summary_names_the_filters_that_produced_it()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var summary = (await hq.GetFromJsonAsync<JsonObject>("/reporting/evidence/summary?year=2020&office=GUA&region=latin-america-caribbean&requestingCountry=SLV", TestContext.Current.CancellationToken))!;

        Assert.Equal(("GUA", "latin-america-caribbean", "SLV"), ((string?)summary["office"], (string?)summary["region"], (string?)summary["requestingCountry"]));
    }

    [Theory]
    [InlineData("?year=2020&region=europe", "region", "asia-pacific")]
    [InlineData("?year=2020&office=XYZ", "office", "BKK")]
    public async Task A_wrong_question_is_refused_naming_the_parameter_and_its_values(string query, string field, string listed)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync($"/reporting/evidence/summary{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains(listed, errors[field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
