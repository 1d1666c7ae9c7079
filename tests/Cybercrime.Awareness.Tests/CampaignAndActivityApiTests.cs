using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Cybercrime.Awareness.Tests.AwarenessApi;

namespace Cybercrime.Awareness.Tests;

/// <summary>A campaign's amendments and closure keep its recorded figures inside it; an activity's amendment replaces its counts.</summary>
public sealed class CampaignAndActivityApiTests(AwarenessApi api) : IClassFixture<AwarenessApi>
{
    [Fact]
    public async Task New_dates_that_would_leave_a_recorded_period_outside_are_refused()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        await OkAsync(await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 1), Observation("twitter", "views", "2020-11-30", 1)));

        var late = await gua.PutAsJsonAsync($"/awareness/campaigns/{id}", Amended("2020-06-01", "2020-12-31", "tv", "twitter"), TestContext.Current.CancellationToken);
        var early = await gua.PutAsJsonAsync($"/awareness/campaigns/{id}", Amended("2020-04-15", "2020-11-29", "tv", "twitter"), TestContext.Current.CancellationToken);
        var channel = await gua.PutAsJsonAsync($"/awareness/campaigns/{id}", Amended("2020-04-15", "2020-12-31", "tv"), TestContext.Current.CancellationToken);
        var fits = await gua.PutAsJsonAsync($"/awareness/campaigns/{id}", Amended("2020-05-31", "2020-11-30", "tv", "twitter", "radio"), TestContext.Current.CancellationToken);

        Assert.Equal(["startDate"], await FieldsAsync(late));
        Assert.Equal(["endDate"], await FieldsAsync(early));
        Assert.Equal(["channels"], await FieldsAsync(channel));
        Assert.Equal("2020-05-31", (await OkAsync(fits))["startDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_campaign_keeps_taking_late_figures_but_no_amendment()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var closed = await gua.PostAsync($"/awareness/campaigns/{id}/closure", null, TestContext.Current.CancellationToken);
        var late = await ObserveAsync(gua, id, Observation("tv", "views", "2020-12", 10));
        var amended = await gua.PutAsJsonAsync($"/awareness/campaigns/{id}", Campaign, TestContext.Current.CancellationToken);

        Assert.Equal("closed", (await OkAsync(closed))["status"]!.GetValue<string>());
        Assert.Equal((1, 1, 0, 0), await CountsAsync(late));
        Assert.Equal(HttpStatusCode.Conflict, amended.StatusCode);
    }

    [Fact]
    public async Task The_office_lists_its_own_campaigns_with_their_latest_totals()
    {
        await using var own = new AwarenessApi();
        using var gua = await own.ClientAsync("GUA", "office-editor");
        using var bkk = await own.ClientAsync("BKK", "office-editor");
        var id = await LaunchAsync(gua);
        await LaunchAsync(bkk);
        await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 10), Observation("tv", "reach", "2020-05", 4));
        await ObserveAsync(gua, id, Observation("tv", "views", "2020-05", 12));

        var page = await OkAsync(await gua.GetAsync("/awareness/campaigns", TestContext.Current.CancellationToken));

        Assert.Equal(1, page["total"]!.GetValue<int>());
        var totals = page["items"]![0]!["totals"]!;
        Assert.Equal((12, 4), (totals["views"]!.GetValue<long>(), totals["reach"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Amending_an_activity_replaces_its_counts_and_a_country_left_out_counts_zero()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var campaign = await LaunchAsync(gua);
        var held = await gua.PostAsJsonAsync("/awareness/activities", Activity(campaign, ("GTM", 412), ("HND", 230)), TestContext.Current.CancellationToken);
        var id = (await OkAsync(held))["id"]!.GetValue<string>();

        var amended = await OkAsync(await gua.PutAsJsonAsync($"/awareness/activities/{id}", Activity(campaign, ("HND", 250), ("SLV", 12)), TestContext.Current.CancellationToken));

        Assert.Equal(262, amended["totalParticipants"]!.GetValue<long>());
        Assert.Equal(
            ["HND:250", "SLV:12", "GTM:0"],
            amended["participants"]!.AsArray().Select(p => $"{p!["countryCode"]}:{p["count"]}"));
    }

    [Fact]
    public async Task An_activity_refuses_another_offices_campaign_and_a_country_counted_twice()
    {
        using var gua = await api.ClientAsync("GUA", "office-editor");
        using var bkk = await api.ClientAsync("BKK", "office-editor");
        var theirs = await LaunchAsync(bkk);

        var other = await gua.PostAsJsonAsync("/awareness/activities", Activity(theirs, ("GTM", 1)), TestContext.Current.CancellationToken);
        var twice = await gua.PostAsJsonAsync("/awareness/activities", Activity(null, ("GTM", 1), ("GTM", 2)), TestContext.Current.CancellationToken);

        Assert.Equal(["campaignId"], await FieldsAsync(other));
        Assert.Equal(["participants[1].countryCode"], await FieldsAsync(twice));
    }

    private static object Amended(string startDate, string endDate, params string[] channels) => new
    {
        name = "Navega seguro",
        audiences = new[] { "parents" },
        countries = new[] { "GTM" },
        languages = new[] { "es" },
        channels,
        startDate,
        endDate,
    };

    private static object Activity(string? campaignId, params (string Country, int Count)[] participants) => new
    {
        title = "Webinar for teachers",
        kind = "webinar",
        date = "2020-06-18",
        languages = new[] { "es", "pt" },
        campaignId,
        participants = participants.Select(p => new { countryCode = p.Country, count = p.Count }),
    };

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        return [.. errors.Select(e => e.Key).Order(StringComparer.Ordinal)];
    }
}
