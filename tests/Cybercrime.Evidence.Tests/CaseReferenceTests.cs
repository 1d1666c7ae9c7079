using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>The case reference is never stored nor published in clear: only its keyed hash is.</summary>
public sealed class CaseReferenceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_stored_document_nor_event_of_a_request_holds_its_case_reference()
    {
        await using var api = new EvidenceApi();
        var gua = await api.ClientAsync("GUA", "office-editor");
        var published = await PublishedEvents.TapAsync(api.Services);
        string[] references = ["FGR-2020-0113", "Caso 77/2020 Fiscalía"];
        var id = await Requests.DraftAsync(gua, Requests.Body(references[0], type: "preservation"));
        await gua.PutAsJsonAsync($"/evidence/requests/{id}", Requests.Body(references[1], type: "preservation"), Cancel);
        await Requests.StepAsync(gua, id, "submission", new { on = "2020-03-02" });
        await Requests.StepAsync(gua, id, "acknowledgement", new { on = "2020-03-03" });
        await Requests.StepAsync(gua, id, "extension", new { on = "2020-05-01" });
        await Requests.StepAsync(gua, id, "information-request", new { on = "2020-05-02" });
        await Requests.StepAsync(gua, id, "answer", new { on = "2020-05-03" });
        var other = await Requests.DraftAsync(gua, Requests.Body(references[0]));
        await Requests.StepAsync(gua, other, "submission", new { on = "2020-03-02" });
        await Requests.StepAsync(gua, other, "withdrawal", new { on = "2020-03-04" });
        var csv = $"requestingCountry,requestingAgency,provider,state,requestType,crimeCategory,priority,caseReference,submittedOn,outcome,outcomeOn\n" +
            $"SLV,prosecution,google,,traffic-data,fraud,standard,{references[0]},2020-01-10,fulfilled,2020-02-10\n";
        (await gua.PostAsync("/evidence/requests/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel)).EnsureSuccessStatusCode();
        // The overdue watch lapses the preservation and raises overdue: its events too.
        Assert.True(await api.RunOverdueWatchAsync() > 0);
        var found = (await gua.GetFromJsonAsync<JsonObject>($"/evidence/requests?case={Uri.EscapeDataString(references[0])}", Cancel))!;

        Assert.Equal(2, found["total"]!.GetValue<int>());
        var (requests, eventsWritten) = api.Stored();
        Assert.Equal((3, 11), (requests, eventsWritten));
        var text = api.StoredText();
        var bytes = api.StoredBytes();
        foreach (var reference in references)
        {
            Assert.DoesNotContain(text, t => t.Contains(reference, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(reference)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(reference)));
        }

        var events = await TestSupport.Eventually.Until(() => Task.FromResult(published.ToList()), e => e.Count == eventsWritten, TimeSpan.FromSeconds(30), "every event to be published");
        Assert.All(events, e => Assert.Contains("caseKey", e, StringComparison.Ordinal));
        foreach (var reference in references)
        {
            Assert.DoesNotContain(events, e => e.Contains(reference, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(events, e => e.Contains(System.Text.Json.JsonSerializer.Serialize(reference)[1..^1], StringComparison.OrdinalIgnoreCase));
        }
    }
}
