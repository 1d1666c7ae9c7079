using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Cybercrime.Awareness.Tests.AwarenessApi;

namespace Cybercrime.Awareness.Tests;

/// <summary>Reach figures re-sent and corrected never add up twice: a key is replaced, and a series keeps one granularity.</summary>
public sealed class ObservationRecordingTests
{
    [Fact]
    public async Task Sending_the_same_key_again_replaces_its_value_and_never_adds_to_it()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var first = await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 28_000_000));
        var again = await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 28_500_000));

        Assert.Equal((1, 1, 0, 0), await CountsAsync(first));
        Assert.Equal((1, 0, 1, 0), await CountsAsync(again));
        Assert.Equal(28_500_000, (await TotalsAsync(gua, id))["views"]!.GetValue<long>());
        Assert.Equal((1, 1, 0, 3), api.Stored());
    }

    [Fact]
    public async Task A_correction_sent_with_new_figures_replaces_its_key_and_records_the_rest()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 1_000), Observation("twitter", "views", "2020-Q2", 1_500_000, country: null));

        var corrected = await ObserveAsync(gua, id,
            Observation("tv", "views", "2020-05", 28_500_000), Observation("twitter", "views", "2020-Q2", 1_500_000, country: null),
            Observation("tv", "views", "2020-06", 2_000_000));

        Assert.Equal((3, 1, 1, 1), await CountsAsync(corrected));
        var campaign = await OkAsync(await gua.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken));
        Assert.Equal(32_000_000, campaign["totals"]!["views"]!.GetValue<long>());
        var tv = campaign["series"]!.AsArray().Single(s => s!["channel"]!.GetValue<string>() == "tv")!;
        Assert.Equal(("month", 30_500_000, 2), (tv["granularity"]!.GetValue<string>(), tv["total"]!.GetValue<long>(), tv["observations"]!.GetValue<int>()));
        // Launch, two first figures, then one correction and one new figure: five events, the unchanged one raising none.
        Assert.Equal(5, api.Stored().EventsWritten);
    }

    [Fact]
    public async Task The_same_value_sent_again_changes_nothing_and_publishes_nothing()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 28_500_000));
        var before = (api.Stored(), await OkAsync(await gua.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken)));

        var again = await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 28_500_000));

        Assert.Equal((1, 0, 0, 1), await CountsAsync(again));
        Assert.Equal(before.Item1, api.Stored());
        Assert.Equal(before.Item2.ToJsonString(), (await OkAsync(await gua.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken))).ToJsonString());
    }

    [Theory]
    [InlineData("2020-05-04", "2020-05", "day")]
    [InlineData("2020-05", "2020-05-04", "month")]
    [InlineData("2020-Q2", "2020", "quarter")]
    public async Task A_series_keeps_one_granularity_and_another_is_refused_naming_the_one_in_use(string first, string then, string inUse)
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        await OkAsync(await ObserveAsync(gua, id, Observation("tv", "views", first, 100)));
        var before = api.Stored();

        var refused = await ObserveAsync(gua, id, Observation("twitter", "views", "2020-06", 5), Observation("tv", "views", then, 100));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal(inUse, problem["granularityInUse"]!.GetValue<string>());
        Assert.Equal("observations[1].period", problem["field"]!.GetValue<string>());
        Assert.Contains($"recorded by {inUse}", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task Another_country_or_language_is_another_series_with_its_own_granularity()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var response = await ObserveAsync(gua, id,
            Observation("tv", "views", "2020-05-04", 10), Observation("tv", "views", "2020-05", 20, country: "HND"), Observation("tv", "views", "2020", 30, language: null));

        Assert.Equal((3, 3, 0, 0), await CountsAsync(response));
    }

    [Fact]
    public async Task Days_and_a_month_of_one_series_in_the_same_batch_are_refused()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var refused = await ObserveAsync(gua, id, Observation("tv", "views", "2020-05-04", 10), Observation("tv", "views", "2020-05", 20));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal((1, 0, 0, 1), api.Stored());
    }

    [Fact]
    public async Task Each_new_value_of_a_key_takes_its_next_version_and_an_unchanged_one_none()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        foreach (var value in new[] { 100, 200, 200, 150 })
        {
            await OkAsync(await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", value), Observation("tv", "views", "2020-06", 7)));
        }

        Assert.Equal(new Dictionary<string, long> { ["2020-05"] = 3, ["2020-06"] = 1 }, api.ObservationVersions());
    }

    [Fact]
    public async Task Of_two_concurrent_batches_starting_one_series_at_different_granularities_one_is_refused()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var answers = await Task.WhenAll(
            ObserveAsync(gua, id, Observation("tv", "views", "2020-05-04", 10)),
            ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 20)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var series = (await OkAsync(await gua.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken)))["series"]!.AsArray();
        Assert.Single(series);
        Assert.Equal(1, api.Stored().Observations);
    }

    private static async Task<JsonObject> TotalsAsync(HttpClient office, string id) =>
        (await OkAsync(await office.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken)))["totals"]!.AsObject();
}
