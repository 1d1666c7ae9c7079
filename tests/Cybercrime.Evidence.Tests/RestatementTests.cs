using System.Text.Json.Nodes;
using Cybercrime.Contracts.Reporting;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Evidence.Tests;

/// <summary>
/// Asked to rebuild reporting, the service restates every request that ever raised an event, at its
/// stored version, as its own event type, and announces how many; a draft raised none and is left out.
/// </summary>
public sealed class RestatementTests : IAsyncDisposable
{
    private readonly EvidenceApi _api = new();

    [Fact]
    public async Task Every_request_but_drafts_is_restated_at_its_version_and_counted()
    {
        using var gua = await _api.ClientAsync("GUA", "office-editor");
        var seen = await PublishedEvents.TapAsync(_api.Services);
        var submitted = await Requests.DraftAsync(gua);
        await Requests.StepAsync(gua, submitted, "submission", new { on = "2020-03-02" });
        await Requests.StepAsync(gua, submitted, "acknowledgement", new { on = "2020-03-04" });
        await Requests.DraftAsync(gua);
        await Eventually.Until(() => Task.FromResult(seen.Count), n => n == 2, TimeSpan.FromSeconds(10), "the two live events");
        var version = seen.Select(e => JsonNode.Parse(e)!["message"]!["version"]!.GetValue<long>()).Max();
        var announced = new TaskCompletionSource<StateRestated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = _api.Services.GetRequiredService<IBus>();
        var tap = bus.ConnectReceiveEndpoint($"test-announcements-{Guid.NewGuid():N}", endpoint =>
            endpoint.Handler<StateRestated>(context => Task.FromResult(announced.TrySetResult(context.Message))));
        await tap.Ready;
        var live = seen.Count;

        var rebuild = Guid.NewGuid();
        await bus.Publish(new ReportingRebuildRequested(rebuild, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        var announcement = await announced.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal((rebuild, "evidence", 1L), (announcement.RebuildId, announcement.Area, announcement.Aggregates));
        var restated = await Eventually.Until(() => Task.FromResult(seen.Select(e => JsonNode.Parse(e)).Where(IsRestated).ToList()), r => r.Count > 0, TimeSpan.FromSeconds(10), "the restated request");
        var message = Assert.Single(restated)!["message"]!;
        Assert.Equal((submitted, version, "acknowledged"), (message["requestId"]!.GetValue<string>(), message["version"]!.GetValue<long>(), message["request"]!["status"]!.GetValue<string>()));
        Assert.Equal(live + 1, seen.Count);
    }

    private static bool IsRestated(JsonNode? envelope) =>
        envelope!["messageType"]!.AsArray().Any(type => type!.GetValue<string>() == "urn:message:evidence.request-restated");

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}
