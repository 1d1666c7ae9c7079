using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cybercrime.TestSupport;

namespace Cybercrime.Deployment.Tests;

/// <summary>
/// A rebuild of reporting crosses the broker both ways (decision 0019): reporting publishes the request,
/// each producer reads it on its own queue and publishes its restated events and its announcement.
/// The broker users must allow exactly that, and still nothing of another area's.
/// </summary>
public sealed class RebuildPermissionsTests
{
    public static TheoryData<string> Producers() => ["training", "evidence", "awareness", "expert-group"];

    [Theory]
    [MemberData(nameof(Producers))]
    public void A_producer_may_read_rebuild_requests_on_its_own_queue_and_announce_what_it_restated(string producer)
    {
        var (configure, write, read) = Permissions(producer);

        Assert.Matches(read, "reporting.rebuild-requested");
        Assert.Matches(read, $"{producer}-restate");
        Assert.Matches(write, $"{producer}-restate");
        Assert.Matches(write, $"{producer}.x-restated");
        Assert.Matches(write, "reporting.state-restated");
        Assert.Matches(configure, $"{producer}-restate_error");
        Assert.Matches(configure, "reporting.rebuild-requested");
        Assert.DoesNotMatch(write, "reporting.rebuild-requested");
        Assert.DoesNotMatch(read, "reporting-training");
        Assert.All(Producers().Select(row => (string)row.Data).Where(other => other != producer), other =>
        {
            Assert.DoesNotMatch(read, $"{other}-restate");
            Assert.DoesNotMatch(write, $"{other}.x-restated");
        });
    }

    [Fact]
    public void Reporting_may_ask_for_a_rebuild_and_read_the_announcements()
    {
        var (_, write, read) = Permissions("reporting");

        Assert.Matches(write, "reporting.rebuild-requested");
        Assert.Matches(read, "reporting.state-restated");
        Assert.Matches(read, "reporting-rebuilds");
        Assert.DoesNotMatch(write, "training.session-restated");
    }

    private static (Regex Configure, Regex Write, Regex Read) Permissions(string user)
    {
        var definitions = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "definitions.json")))!;
        var permission = definitions["permissions"]!.AsArray().Single(p => p!["user"]!.GetValue<string>() == user)!;
        return (Pattern(permission, "configure"), Pattern(permission, "write"), Pattern(permission, "read"));

        static Regex Pattern(JsonNode permission, string kind) => new(permission[kind]!.GetValue<string>());
    }
}
