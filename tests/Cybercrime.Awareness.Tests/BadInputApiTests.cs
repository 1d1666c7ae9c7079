using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Cybercrime.Awareness.Tests.AwarenessApi;

namespace Cybercrime.Awareness.Tests;

/// <summary>What a caller sending the wrong thing is told, and that nothing is stored or published.</summary>
public sealed class BadInputApiTests(AwarenessApi api) : IClassFixture<AwarenessApi>
{
    [Theory]
    [InlineData("""{"channel":"fax","metric":"views","period":"2020-05","value":1}""", "observations[0].channel")]
    [InlineData("""{"channel":"tv","metric":"likes","period":"2020-05","value":1}""", "observations[0].metric")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-05","value":-1}""", "observations[0].value")]
    [InlineData("""{"channel":"tv","metric":"views","period":"May 2020","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-Q5","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-02-30","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-03","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2021","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"0000","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"0000-01","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"0000-Q2","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"0000-01-01","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"٢٠٢٣","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"٢٠٢٣-05","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"２０２３-Q2","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2023-0٥","value":1}""", "observations[0].period")]
    [InlineData("""{"channel":"radio","metric":"views","period":"2020-05","value":1}""", "observations[0].channel")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-05","value":1,"country":"Guatemala"}""", "observations[0].country")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-05","value":1,"language":"spa"}""", "observations[0].language")]
    [InlineData("""{"channel":"tv","metric":"views","period":"2020-05"}""", "observations[0].value")]
    public async Task A_bad_observation_is_refused_naming_its_field_and_nothing_is_stored_or_published(string observation, string field)
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        var before = api.Stored();

        var response = await gua.PostAsync($"/awareness/campaigns/{id}/observations",
            new StringContent($$"""{"observations":[{{observation}}]}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_batch_with_one_bad_observation_records_none_of_it()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        var before = api.Stored();

        var response = await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 1), Observation("tv", "views", "2020-06", -1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Another_offices_campaign_is_forbidden_and_unchanged()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        using var bkk = await api.ClientAsync("BKK", "office-editor");
        var id = await LaunchAsync(gua);
        var before = api.Stored();

        var observed = await ObserveAsync(bkk, id, Observation("tv", "views", "2020-05", 1));
        var imported = await ImportAsync(bkk, id, "channel,metric,period,value\ntv,views,2020-05,1\n");
        var read = await bkk.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken);
        var amended = await bkk.PutAsJsonAsync($"/awareness/campaigns/{id}", Campaign, TestContext.Current.CancellationToken);

        Assert.All([observed, imported, read, amended], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Without_a_token_every_route_answers_401()
    {
        using var anonymous = api.CreateClient();

        var launched = await anonymous.PostAsJsonAsync("/awareness/campaigns", Campaign, TestContext.Current.CancellationToken);
        var observed = await ObserveAsync(anonymous, Guid.NewGuid().ToString(), Observation("tv", "views", "2020-05", 1));
        var listed = await anonymous.GetAsync("/awareness/campaigns", TestContext.Current.CancellationToken);

        Assert.All([launched, observed, listed], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task A_campaign_with_unknown_values_is_refused_naming_each_field()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var before = api.Stored();

        var response = await gua.PostAsJsonAsync("/awareness/campaigns", new
        {
            name = " ",
            audiences = Array.Empty<string>(),
            countries = new[] { "Guatemala" },
            languages = new[] { "es" },
            channels = new[] { "tv" },
            startDate = "2020-05-01",
            endDate = "2020-04-01",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(["audiences", "countries[0]", "endDate", "name"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, api.Stored());
    }
}
