using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Awareness.Observations;
using Cybercrime.Platform.Http;
using static Cybercrime.Awareness.Tests.AwarenessApi;

namespace Cybercrime.Awareness.Tests;

/// <summary>A platform export as CSV: checked whole, recorded all or nothing, and the same file again changes nothing.</summary>
public sealed class ImportObservationsTests
{
    private const string Export = """
        channel,metric,period,value,country,language
        tv,views,2020-05,28500000,GTM,es
        twitter,views,2020-Q2,1700000,,es
        twitter,impressions,2020-Q2,5200000,,
        """;

    [Fact]
    public async Task An_export_sent_twice_changes_nothing_the_second_time()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var first = await ImportAsync(gua, id, Export);
        var stored = api.Stored();
        var again = await ImportAsync(gua, id, Export);

        Assert.Equal((3, 3, 0, 0), await CountsAsync(first));
        Assert.Equal((3, 0, 0, 3), await CountsAsync(again));
        Assert.Equal((1, 3, 0, 4), stored);
        Assert.Equal(stored, api.Stored());
    }

    [Fact]
    public async Task A_corrected_export_replaces_the_figures_it_changes()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        await OkAsync(await ImportAsync(gua, id, Export));

        var corrected = await ImportAsync(gua, id, Export.Replace("1700000", "1750000", StringComparison.Ordinal));

        Assert.Equal((3, 0, 1, 2), await CountsAsync(corrected));
        var totals = (await OkAsync(await gua.GetAsync($"/awareness/campaigns/{id}", TestContext.Current.CancellationToken)))["totals"]!;
        Assert.Equal((30_250_000, 5_200_000), (totals["views"]!.GetValue<long>(), totals["impressions"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Every_bad_row_is_answered_by_its_line_and_field_and_nothing_is_recorded()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        const string csv = """
            channel,metric,period,value,country,language
            tv,views,2020-05,28500000,GTM,es
            fax,views,2020-05,1,GTM,es
            tv,likes,2020-05,1,GTM,es
            tv,views,2020-13,1,GTM,es
            tv,views,2020-06,-5,GTM,es
            tv,views,2020-07,many,XXX,es
            tv,views,2020-05,28500000,GTM,es
            tv,views,2019-05,1,GTM,es
            """;

        var response = await ImportAsync(gua, id, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(
            ["rows[3].channel", "rows[4].metric", "rows[5].period", "rows[6].value", "rows[7].country", "rows[7].value", "rows[8]"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("rows[2]", errors["rows[8]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((1, 0, 0, 1), api.Stored());
    }

    [Fact]
    public async Task A_row_that_is_not_well_formed_or_has_a_period_in_no_reporting_year_is_named_and_nothing_is_recorded()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);
        const string csv = """
            channel,metric,period,value,country,language
            tv,views,2020-05,28500000,GTM,es
            tv,views,2020-06,1,GTM,es,extra
            tv,"vie"ws,2020-07,1,GTM,
            tv,views,2020-08,"1"2,GTM,
            tv,views,0000-Q2,1,GTM,es
            tv,views,٢٠٢٠-05,1,GTM,es
            tv,views,2020-09,1,GTM
            """;

        var response = await ImportAsync(gua, id, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(
            ["rows[3]", "rows[4]", "rows[5]", "rows[6].period", "rows[7].period", "rows[8]"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("7 fields where the header has 6", errors["rows[3]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((1, 0, 0, 1), api.Stored());
    }

    [Fact]
    public async Task A_row_outside_the_campaign_is_named_once_the_file_is_well_formed_and_nothing_is_recorded()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var response = await ImportAsync(gua, id, Export + "\ntv,views,2020-03,5,GTM,es\nradio,listeners,2020-05,5,GTM,es\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(["rows[5].period", "rows[6].channel"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal((1, 0, 0, 1), api.Stored());
    }

    [Fact]
    public async Task A_file_sent_as_json_is_refused_with_415_and_nothing_is_recorded()
    {
        await using var api = new AwarenessApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        var id = await LaunchAsync(gua);

        var response = await gua.PostAsync($"/awareness/campaigns/{id}/observations/import",
            new StringContent(Export, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal((1, 0, 0, 1), api.Stored());
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData("channel,metric,value\ntv,views,1\n", "header")]
    public void A_file_without_rows_or_columns_is_refused_naming_what_is_missing(string csv, string field)
    {
        var errors = new ValidationErrors();

        ObservationsCsv.Parse(csv, errors);

        Assert.True(errors.Any);
        Assert.Contains(field, ((Microsoft.AspNetCore.Http.HttpValidationProblemDetails)errors.ToProblemDetails()).Errors.Keys);
    }
}
