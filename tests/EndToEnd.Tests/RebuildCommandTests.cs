using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.Operations;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>What the operations command prints while a rebuild runs, and what it exits with.</summary>
public sealed class RebuildCommandTests
{
    private const string Started = """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","href":"/reporting/rebuilds/0f8fad5b-d9cb-469f-a165-70867728950e"}""";

    private static readonly Options Given = new(new Uri("http://reporting.test"), "token", TimeSpan.FromMinutes(1));

    [Fact]
    public async Task It_prints_each_area_as_it_changes_and_exits_0_when_every_area_is_applied()
    {
        var output = new StringWriter();
        var code = await RunAsync(output, Given,
            Progress(false, ("training", null, 2), ("evidence", null, 0)),
            Progress(false, ("training", null, 2), ("evidence", null, 0)),
            Progress(true, ("training", 5, 5), ("evidence", 3, 3)));

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rebuild 0f8fad5b-d9cb-469f-a165-70867728950e started", lines[0], StringComparison.Ordinal);
        // The unchanged second reading prints nothing.
        Assert.Matches(@"^  training\s+2 / \?\s+applied\s+\d+/s in \d+\.\d s$", lines[1]);
        Assert.Matches(@"^  evidence\s+0 / \?\s+applied\s+\d+/s in \d+\.\d s$", lines[2]);
        Assert.Matches(@"^  training\s+5 / 5\s+applied\s+\d+/s in \d+\.\d s$", lines[3]);
        Assert.Matches(@"^  evidence\s+3 / 3\s+applied\s+\d+/s in \d+\.\d s$", lines[4]);
        Assert.Matches(@"^Done in \d+\.\d s: 8 facts applied \(\d+/s\)\.$", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task A_rebuild_not_done_in_time_exits_2_saying_which_area_has_not_announced()
    {
        var output = new StringWriter();

        var code = await RunAsync(output, Given with { Timeout = TimeSpan.Zero }, Progress(false, ("training", 5, 5), ("awareness", null, 0)));

        Assert.Equal(2, code);
        Assert.Contains("Not done after 0 s: an area still without an announced count (?) has no producer answering", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_rebuild_exits_1_with_the_answer()
    {
        var output = new StringWriter();
        using var client = new HttpClient(new Answers([(HttpStatusCode.Forbidden, "")])) { BaseAddress = Given.Url };

        var code = await RebuildReporting.RunAsync(client, Given, output, TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal("Rebuild failed: could not start the rebuild: 403 Forbidden\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_area_done_keeps_the_rate_and_time_it_finished_at_while_others_go_on()
    {
        var output = new StringWriter();
        using var client = new HttpClient(new Answers([
            (HttpStatusCode.Accepted, Started),
            (HttpStatusCode.OK, Progress(false, ("training", 4, 4), ("evidence", null, 0))),
            (HttpStatusCode.OK, Progress(false, ("training", 4, 4), ("evidence", 6, 3))),
            (HttpStatusCode.OK, Progress(true, ("training", 4, 4), ("evidence", 6, 6))),
        ])) { BaseAddress = Given.Url };

        var code = await RebuildReporting.RunAsync(client, Given, output, TimeSpan.Zero, TestContext.Current.CancellationToken, new Seconds());

        Assert.Equal(0, code);
        var training = output.ToString().Split('\n').Where(line => line.StartsWith("  training", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, training.Count);
        Assert.All(training, line => Assert.EndsWith(" 4/s in 1.0 s", line, StringComparison.Ordinal));
        Assert.EndsWith(" 2/s in 3.0 s", output.ToString().Split('\n').Last(line => line.StartsWith("  evidence", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:5199")]
    [InlineData("/reporting")]
    [InlineData("ftp://reporting.test")]
    public void The_url_must_be_an_absolute_http_address(string url)
    {
        Assert.False(Options.TryParse(["--url", url], out _, out var problem));
        Assert.Contains("--url", problem, StringComparison.Ordinal);
    }

    private static async Task<int> RunAsync(StringWriter output, Options options, params string[] progress)
    {
        using var client = new HttpClient(new Answers([(HttpStatusCode.Accepted, Started), .. progress.Select(p => (HttpStatusCode.OK, p))])) { BaseAddress = options.Url };
        return await RebuildReporting.RunAsync(client, options, output, TimeSpan.Zero, TestContext.Current.CancellationToken);
    }

    private static string Progress(bool done, params (string Area, int? Announced, int Applied)[] areas) => new JsonObject
    {
        ["id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["startedAt"] = "2026-11-29T18:00:00+00:00",
        ["areas"] = new JsonObject(areas.Select(a => KeyValuePair.Create(a.Area, (JsonNode?)new JsonObject { ["announced"] = a.Announced, ["applied"] = a.Applied }))),
        ["done"] = done,
    }.ToJsonString();

    /// <summary>A clock that moves one second each time it is read: the command reads it once when started and once per reading.</summary>
    private sealed class Seconds : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp() => _now++;
    }

    /// <summary>Answers each request with the next answer, the last one again once they run out.</summary>
    private sealed class Answers(IReadOnlyList<(HttpStatusCode Status, string Body)> answers) : HttpMessageHandler
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = answers[Math.Min(_next++, answers.Count - 1)];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
