using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Training.Tests;

/// <summary>What an Idempotency-Key covers: the whole request, query string included, for a limited time.</summary>
public sealed class IdempotencyApiTests
{
    private static object Session(string title = "OSINT for investigators") => new
    {
        title,
        topics = new[] { "osint" },
        format = "online",
        languages = new[] { "es" },
        startDate = "2020-03-02",
        endDate = "2020-03-06",
    };

    [Fact]
    public async Task The_same_key_with_another_query_string_is_another_request()
    {
        await using var api = new TrainingApi();
        using var gua = await api.ClientAsync("GUA", "office-editor");
        gua.DefaultRequestHeaders.Add("Idempotency-Key", "k-1");

        var first = await gua.PostAsJsonAsync("/training/sessions?note=a", Session(), TestContext.Current.CancellationToken);
        var other = await gua.PostAsJsonAsync("/training/sessions?note=b", Session(), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (first.StatusCode, other.StatusCode));
        Assert.Equal(1, api.Stored().Sessions);
    }

    [Fact]
    public async Task After_the_retention_period_the_key_is_forgotten_and_the_request_runs_again()
    {
        // From now: the development token is minted on this clock and its lifetime checked on the real one.
        var clock = new ManualClock(TimeProvider.System.GetUtcNow());
        await using var api = new TrainingApi
        {
            Settings = { ["Idempotency:RetentionHours"] = "2" },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        using var gua = await api.ClientAsync("GUA", "office-editor");
        gua.DefaultRequestHeaders.Add("Idempotency-Key", "k-1");

        var first = await gua.PostAsJsonAsync("/training/sessions", Session(), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(1.9));
        var within = await gua.PostAsJsonAsync("/training/sessions", Session(), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(0.2));
        var after = await gua.PostAsJsonAsync("/training/sessions", Session("Another"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, within.StatusCode, after.StatusCode));
        Assert.Equal(first.Headers.Location, within.Headers.Location);
        Assert.NotEqual(first.Headers.Location, after.Headers.Location);
        Assert.Equal(2, api.Stored().Sessions);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
