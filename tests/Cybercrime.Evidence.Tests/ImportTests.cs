using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>Bulk back-recording: the file is checked whole, recorded all or nothing, and importing it again changes nothing.</summary>
public sealed class ImportTests(EvidenceApi api) : IClassFixture<EvidenceApi>
{
    private const string Header = "requestingCountry,requestingAgency,provider,state,requestType,crimeCategory,priority,caseReference,submittedOn,acknowledgedOn,outcome,outcomeOn,refusalReason,withdrawnOn";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thousands_of_past_requests_are_recorded_with_their_steps_and_a_second_import_changes_nothing()
    {
        var dkr = await api.ClientAsync("DKR", "office-editor");
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 2000; i++)
        {
            var submitted = new DateOnly(2020, 1, 1).AddDays(i % 300);
            var day = (int offset) => submitted.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append((i % 4) switch
            {
                0 => $"SEN,law-enforcement,facebook,,subscriber-information,ocsea,standard,DKR-{i},{day(0)},{day(2)},fulfilled,{day(10 + (i % 7))},,\n",
                1 => $"SEN,prosecution,,FRA,content-data,fraud,standard,DKR-{i},{day(0)},,refused,{day(100)},jurisdiction,\n",
                2 => $"CIV,prosecution,google,,traffic-data,ransomware,emergency,DKR-{i / 2},{day(0)},,,,,{day(5)}\n",
                _ => $"CIV,law-enforcement,microsoft,,preservation,other,standard,DKR-{i},{day(0)},,,,,\n",
            });
        }

        var first = await ImportAsync(dkr, csv.ToString());
        var (requests, events) = api.Stored();
        var second = await ImportAsync(dkr, csv.ToString());

        Assert.Equal((2000, 2000, 0), (first["rows"]!.GetValue<int>(), first["recorded"]!.GetValue<int>(), first["alreadyRecorded"]!.GetValue<int>()));
        Assert.Equal((2000, 0, 2000), (second["rows"]!.GetValue<int>(), second["recorded"]!.GetValue<int>(), second["alreadyRecorded"]!.GetValue<int>()));
        Assert.Equal((requests, events), api.Stored());
        Assert.Equal(500 * 3 + 500 * 2 + 500 * 2 + 500, events);
        var refused = (await dkr.GetFromJsonAsync<JsonObject>("/evidence/requests?addressee=FRA&status=completed&pageSize=1", Cancel))!;
        Assert.Equal(500, refused["total"]!.GetValue<int>());
        var one = await Requests.GetAsync(dkr, refused["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(("refused", "jurisdiction"), (one["outcome"]!.GetValue<string>(), one["refusalReason"]!.GetValue<string>()));
        Assert.Equal(["drafted", "submission", "outcome"], one["history"]!.AsArray().Select(s => s!["what"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_bad_row_is_answered_by_its_line_and_field_and_nothing_is_recorded()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var before = api.Stored();
        var csv = $"""
            {Header}
            THA,law-enforcement,facebook,,subscriber-information,ocsea,standard,BKK-1,2020-02-01,,fulfilled,2020-02-20,,
            THA,law-enforcement,myspace,,subscriber-information,ocsea,standard,BKK-2,2020-02-01,,,,,
            THA,law-enforcement,google,USA,subscriber-information,ocsea,standard,BKK-3,2020-02-01,,,,,
            THA,law-enforcement,google,,subscriber-information,ocsea,standard,BKK-4,2020-02-10,2020-02-09,,,,
            THA,law-enforcement,google,,subscriber-information,ocsea,standard,BKK-5,2999-01-01,,,,,
            THA,law-enforcement,google,,subscriber-information,ocsea,standard,BKK-6,2020-02-01,,refused,2020-03-01,,
            THA,law-enforcement,google,,subscriber-information,ocsea,standard,BKK-7,2020-02-01,,fulfilled,2020-03-01,,2020-03-02
            THA,law-enforcement,facebook,,subscriber-information,ocsea,standard,BKK-1,2020-02-01,,fulfilled,2020-02-20,,
            """;

        var response = await bkk.PostAsync("/evidence/requests/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["rows[3].provider", "rows[4].addressee", "rows[5].acknowledgedOn", "rows[6].submittedOn", "rows[7].refusalReason", "rows[8].withdrawnOn", "rows[9]"],
            errors.Select(e => e.Key).Where(k => k != "rows[3].addressee").Order(StringComparer.Ordinal));
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_row_that_is_not_well_formed_is_named_by_its_line_and_nothing_is_recorded()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");
        var before = api.Stored();
        var csv = $"""
            {Header}
            THA,law-enforcement,facebook,,subscriber-information,ocsea,standard,BKK-11,2020-02-01,,,,,
            THA,law-enforcement,"face"book,,subscriber-information,ocsea,standard,BKK-12,2020-02-01,,,,,
            THA,law-enforcement,facebook,,subscriber-information,ocsea,standard,BKK-13,2020-02-01,,,,,,extra
            THA,law-enforcement,facebook,,subscriber-information,ocsea,standard,BKK-14,2020-02-01
            """;

        var response = await bkk.PostAsync("/evidence/requests/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["rows[3]", "rows[4]", "rows[5]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("quote", errors["rows[3]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, api.Stored());
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_whole()
    {
        var bkk = await api.ClientAsync("BKK", "office-editor");

        var response = await bkk.PostAsync("/evidence/requests/import", new StringContent("caseReference,submittedOn\nX,2020-01-01\n", Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("requestingCountry", (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!["header"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ImportAsync(HttpClient office, string csv)
    {
        var response = await office.PostAsync("/evidence/requests/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json;
    }
}
