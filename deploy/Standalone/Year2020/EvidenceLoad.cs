using System.Diagnostics;

namespace Cybercrime.Standalone.Year2020;

/// <summary>
/// Each office imports its file of the year's past requests; San Salvador records one emergency
/// disclosure step by step, each step on the day it happened.
/// </summary>
internal static class EvidenceLoad
{
    public static async Task RunAsync(YearApi api, Uri evidence, IReadOnlyList<PlannedRequest> plan, Action<string> say, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        var recorded = 0;
        foreach (var office in plan.GroupBy(r => r.Office))
        {
            var answer = await api.PostCsvAsync(evidence, office.Key, "/evidence/requests/import", EvidencePlan.Csv(office), stopping);
            recorded += answer.GetProperty("recorded").GetInt32();
        }

        var id = (await api.PostAsync(evidence, "SAL", "office-editor", "/evidence/requests", new
        {
            requestingCountry = "SLV",
            requestingAgency = "prosecution",
            addressee = new { provider = "facebook" },
            requestType = "emergency-disclosure",
            crimeCategory = "ocsea",
            priority = "emergency",
            legalBasis = "Budapest Convention, art. 29 and 31",
            caseReference = "FGR-SS-2020-0412",
        }, stopping)).GetProperty("id").GetString();
        await api.PostAsync(evidence, "SAL", "office-editor", $"/evidence/requests/{id}/submission", new { on = "2020-04-14" }, stopping);
        await api.PostAsync(evidence, "SAL", "office-editor", $"/evidence/requests/{id}/acknowledgement", new { on = "2020-04-14" }, stopping);
        await api.PostAsync(evidence, "SAL", "office-editor", $"/evidence/requests/{id}/outcome", new { on = "2020-04-15", outcome = "fulfilled" }, stopping);
        say($"evidence   {recorded + 1,5:N0} requests to Facebook, Instagram, Microsoft, WhatsApp and by MLA to states, with their dated steps ({clock.Elapsed.TotalSeconds:0.0} s)");
    }
}
