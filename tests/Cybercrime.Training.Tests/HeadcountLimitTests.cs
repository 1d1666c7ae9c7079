using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Tests;

/// <summary>A headcount may not claim more than a session can reach, however its lines add up.</summary>
public sealed class HeadcountLimitTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    [Fact]
    public async Task The_extreme_headcount_is_refused_naming_the_counts_and_stores_nothing()
    {
        var vie = await api.ClientAsync("VIE", "office-editor");
        var id = await ScheduleWebinarAsync(vie);
        var lines = IsoCodes.Countries.Order(StringComparer.Ordinal).Take(215)
            .Select(country => new { countryCode = country, gender = "female", count = RecordHeadcount.MaxCount })
            .ToList();
        Assert.Equal(215, lines.Count);
        var before = api.Stored();

        var response = await vie.PutAsJsonAsync($"/training/sessions/{id}/headcount", new { counts = lines }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.Equal(["counts"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_headcount_of_exactly_the_limit_is_accepted()
    {
        var vie = await api.ClientAsync("VIE", "office-editor");
        var id = await ScheduleWebinarAsync(vie);

        var response = await vie.PutAsJsonAsync($"/training/sessions/{id}/headcount", new
        {
            counts = new[] { new { countryCode = "SEN", gender = "female", count = RecordHeadcount.MaxTotal - 1 }, new { countryCode = "SEN", gender = "male", count = 1L } },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> ScheduleWebinarAsync(HttpClient office)
    {
        var created = await office.PostAsJsonAsync("/training/sessions", new
        {
            title = "Webinar",
            topics = new[] { "prevention" },
            format = "webinar",
            languages = new[] { "en" },
            startDate = "2020-06-01",
            endDate = "2020-06-01",
        }, TestContext.Current.CancellationToken);
        return (await created.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
    }
}
