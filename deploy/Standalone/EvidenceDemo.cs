using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Cybercrime.Standalone.DemoApi;

namespace Cybercrime.Standalone;

/// <summary>
/// The demo year's evidence requests (when the office has none for 2020 yet): Guatemala back-records a
/// year of requests to providers and to the United States from a CSV file, as offices do, and San
/// Salvador records an emergency and a preservation step by step, each step on the day it happened.
/// </summary>
internal static class EvidenceDemo
{
    public const int ImportedRequests = 30;
    private static readonly string[] Providers = ["facebook", "instagram", "whatsapp", "google", "microsoft", "tiktok"];

    public static async Task SeedAsync(Uri url, CancellationToken stopping)
    {
        using var http = new HttpClient { BaseAddress = url };
        var gua = await TokenAsync(http, "GUA", "office-editor");
        var existing = await SendAsync(http, HttpMethod.Get, "/evidence/requests?year=2020&pageSize=1", gua, null, stopping);
        if (existing.GetProperty("total").GetInt32() > 0)
        {
            return;
        }

        await SendAsync(http, HttpMethod.Post, "/evidence/requests/import", gua, new StringContent(YearOfRequests(), Encoding.UTF8, "text/csv"), stopping);

        var sal = await TokenAsync(http, "SAL", "office-editor");
        var emergency = await DraftAsync(http, sal, "emergency-disclosure", "emergency", "facebook", "FGR-SS-2020-041", stopping);
        await StepAsync(http, sal, emergency, "submission", new { on = "2020-04-14" }, stopping);
        await StepAsync(http, sal, emergency, "outcome", new { on = "2020-04-15", outcome = "fulfilled" }, stopping);
        var preservation = await DraftAsync(http, sal, "preservation", "standard", "google", "FGR-SS-2020-041", stopping);
        await StepAsync(http, sal, preservation, "submission", new { on = "2020-04-14" }, stopping);
        await StepAsync(http, sal, preservation, "acknowledgement", new { on = "2020-04-16" }, stopping);
        await StepAsync(http, sal, preservation, "extension", new { on = "2020-07-10" }, stopping);
        await StepAsync(http, sal, preservation, "outcome", new { on = "2020-08-03", outcome = "fulfilled" }, stopping);

        // Reporting learns of it through the bus: wait, briefly, until it has every request.
        var hq = await TokenAsync(http, null, "hq-reporting");
        var summary = await SendAsync(http, HttpMethod.Get, "/reporting/evidence/summary?year=2020", hq, null, stopping);
        for (var attempt = 0; attempt < 100 && summary.GetProperty("requests").GetInt32() < ImportedRequests + 2; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stopping);
            summary = await SendAsync(http, HttpMethod.Get, "/reporting/evidence/summary?year=2020", hq, null, stopping);
        }

        Console.WriteLine($"""

            Demo evidence requests recorded through the API. GET /reporting/evidence/summary?year=2020 now answers:
            {JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true })}

            """);
    }

    /// <summary>Guatemala's year: mostly providers, every fifth a request to the United States; some refused, withdrawn or still open.</summary>
    private static string YearOfRequests()
    {
        var csv = new StringBuilder("requestingCountry,requestingAgency,provider,state,requestType,crimeCategory,priority,caseReference,submittedOn,acknowledgedOn,outcome,outcomeOn,refusalReason,withdrawnOn\n");
        for (var i = 0; i < ImportedRequests; i++)
        {
            var mla = i % 5 == 4;
            var submitted = new DateOnly(2020, 1, 6).AddDays(11 * i);
            string Day(int after) => submitted.AddDays(after).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (outcome, outcomeOn, reason, withdrawn) = (i % 6) switch
            {
                0 => ("refused", Day(45), "insufficient-information", ""),
                5 => ("", "", "", ""),
                3 => ("", "", "", Day(12)),
                _ => (i % 4 == 1 ? "partially-fulfilled" : "fulfilled", Day(mla ? 120 + i : 5 + (i % 20)), "", ""),
            };
            csv.Append(CultureInfo.InvariantCulture,
                $"{(i % 3 == 0 ? "GTM" : "SLV")},{(i % 2 == 0 ? "prosecution" : "law-enforcement")},{(mla ? "" : Providers[i % Providers.Length])},{(mla ? "USA" : "")}," +
                $"{(mla ? "content-data" : "subscriber-information")},{(i % 3 == 0 ? "ocsea" : "fraud")},standard,FGR-2020-{i / 2:0000},{Day(0)},{(mla ? "" : Day(1))}," +
                $"{outcome},{outcomeOn},{reason},{withdrawn}\n");
        }

        return csv.ToString();
    }

    private static async Task<string> DraftAsync(HttpClient http, string token, string type, string priority, string provider, string caseReference, CancellationToken stopping) =>
        (await SendAsync(http, HttpMethod.Post, "/evidence/requests", token, JsonContent.Create(new
        {
            requestingCountry = "SLV",
            requestingAgency = "prosecution",
            addressee = new { provider },
            requestType = type,
            crimeCategory = "ocsea",
            priority,
            legalBasis = "Budapest Convention, art. 29 and 31",
            caseReference,
        }), stopping)).GetProperty("id").GetString()!;

    private static Task<JsonElement> StepAsync(HttpClient http, string token, string id, string step, object body, CancellationToken stopping) =>
        SendAsync(http, HttpMethod.Post, $"/evidence/requests/{id}/{step}", token, JsonContent.Create(body), stopping);


}
