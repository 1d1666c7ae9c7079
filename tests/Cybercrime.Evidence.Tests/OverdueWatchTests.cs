using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cybercrime.Evidence.Tests;

/// <summary>The overdue watch in the service, on a fake clock: once per request, the day after its due date.</summary>
public sealed class OverdueWatchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_without_an_outcome_is_flagged_overdue_once_the_day_after_its_due_date()
    {
        await using var api = new EvidenceApi();
        var gua = await api.ClientAsync("GUA", "office-editor");
        var late = await Requests.DraftAsync(gua, Requests.Body(type: "subscriber-information"));
        var answered = await Requests.DraftAsync(gua, Requests.Body(type: "subscriber-information"));
        var draft = await Requests.DraftAsync(gua);
        await Requests.StepAsync(gua, late, "submission");
        await Requests.StepAsync(gua, answered, "submission");
        var submittedOn = api.Clock.Today;

        api.Clock.Advance(TimeSpan.FromDays(30));
        var onDueDate = await api.RunOverdueWatchAsync();
        await Requests.StepAsync(gua, answered, "outcome", new { outcome = "fulfilled" });
        var (_, eventsBefore) = api.Stored();
        api.Clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = await api.RunOverdueWatchAsync();
        var again = await api.RunOverdueWatchAsync();
        api.Clock.Advance(TimeSpan.FromDays(200));
        var later = await api.RunOverdueWatchAsync();

        Assert.Equal((0, 1, 0, 0), (onDueDate, dayAfter, again, later));
        Assert.Equal(eventsBefore + 1, api.Stored().EventsWritten);
        var request = await Requests.GetAsync(gua, late);
        Assert.True(request["overdue"]!.GetValue<bool>());
        var flagged = request["history"]!.AsArray().Single(s => s!["what"]!.GetValue<string>() == "overdue")!;
        Assert.Equal(submittedOn.AddDays(31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), flagged["on"]!.GetValue<string>());
        Assert.Equal("system", flagged["by"]!.GetValue<string>());
        Assert.False((await Requests.GetAsync(gua, answered))["overdue"]!.GetValue<bool>());
        Assert.Equal("draft", (await Requests.GetAsync(gua, draft))["status"]!.GetValue<string>());
        var listed = (await gua.GetFromJsonAsync<JsonObject>("/evidence/requests?overdue=true", Cancel))!;
        Assert.Equal([late], listed["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_emergency_falls_due_in_days_and_a_preservation_lapses_unless_extended()
    {
        await using var api = new EvidenceApi();
        var gua = await api.ClientAsync("GUA", "office-editor");
        var emergency = await Requests.DraftAsync(gua, Requests.Body(type: "emergency-disclosure", priority: "emergency"));
        var kept = await Requests.DraftAsync(gua, Requests.Body(type: "preservation"));
        var extended = await Requests.DraftAsync(gua, Requests.Body(type: "preservation"));
        foreach (var id in (string[])[emergency, kept, extended])
        {
            await Requests.StepAsync(gua, id, "submission");
        }

        await Requests.StepAsync(gua, kept, "acknowledgement");
        await Requests.StepAsync(gua, extended, "acknowledgement");
        api.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await api.RunOverdueWatchAsync());
        await Requests.StepAsync(gua, extended, "extension");
        api.Clock.Advance(TimeSpan.FromDays(87));
        await api.RunOverdueWatchAsync();

        Assert.True((await Requests.GetAsync(gua, emergency))["overdue"]!.GetValue<bool>());
        Assert.Equal("lapsed", (await Requests.GetAsync(gua, kept))["status"]!.GetValue<string>());
        Assert.Equal("acknowledged", (await Requests.GetAsync(gua, extended))["status"]!.GetValue<string>());
    }
}
