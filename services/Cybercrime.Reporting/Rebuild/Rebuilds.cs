using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using MassTransit;

namespace Cybercrime.Reporting.Rebuild;

internal sealed record RebuildStarted(Guid Id, string Href);

/// <summary>An area's progress: how many aggregates its producer announced it restated (null until it has), and how many of those reporting has taken.</summary>
internal sealed record AreaProgress(long? Announced, long Applied);

/// <summary><see cref="State"/>: <c>requested</c> until the producers have been asked, then <c>asked</c>.</summary>
internal sealed record RebuildProgress(Guid Id, DateTimeOffset StartedAt, IReadOnlyDictionary<string, AreaProgress> Areas, bool Done, string State);

/// <summary>
/// <c>POST /reporting/rebuilds</c> empties every collection of facts and asks each producing service to
/// publish the state of all its aggregates again; <c>GET /reporting/rebuilds/{id}</c> says how far it has
/// come. For the operations role. Restatements are applied like any event, newer-only, so those racing
/// live events never take a fact back in time (decision 0019).
/// </summary>
internal static class Rebuilds
{
    /// <summary>A rebuild not done after this long (its producer gone, say) no longer holds back a new one.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(30);

    public static void MapRebuilds(this IEndpointRouteBuilder app)
    {
        var rebuilds = app.MapGroup("/reporting/rebuilds").RequireAuthorization(AuthRegistration.OperationsPolicy).WithTags("Reporting");
        rebuilds.MapPost("/", async (
                HttpContext http, [FromKeyedServices("reporting")] DocumentStore store, IDocumentCollection<RebuildRecord> records,
                IDocumentCollection<RebuildAnnouncement> announcements, IPublishEndpoint bus, TimeProvider clock, IConfiguration configuration) =>
            {
                RebuildRecord? recorded = null;
                var answer = await store.RunAsync(http, "", async () =>
                {
                    recorded = null;
                    var now = clock.GetUtcNow();
                    var latest = await records.ListAsync(new Query(Filter.All, [Sort.Descend("startedAt")], Take: 1), http.RequestAborted);
                    if (latest is [var running] && now - running.StartedAt < Abandoned
                        && !(await ProgressAsync(running, store, announcements, configuration, http.RequestAborted)).Done)
                    {
                        return CommandOutcome.Refuse(TypedResults.Problem(
                            statusCode: StatusCodes.Status409Conflict,
                            title: "A rebuild is running.",
                            detail: $"Rebuild {running.Id} is not done; follow it at {HrefOf(running.Id)}. Another would empty the facts it is refilling.",
                            extensions: new Dictionary<string, object?> { ["href"] = HrefOf(running.Id) }));
                    }

                    var record = new RebuildRecord { Id = Guid.NewGuid().ToString(), StartedAt = now, State = RebuildRecord.Requested };
                    recorded = record;
                    return CommandOutcome.Commit(new Changes().Save(record, 0), StatusCodes.Status202Accepted, new RebuildStarted(Guid.Parse(record.Id), HrefOf(record.Id)), HrefOf(record.Id));
                }, turn: "rebuild");

                // Only a fresh rebuild, committed just now, is asked: not a replayed answer nor a refusal.
                if (recorded is not null)
                {
                    await RebuildAsking.AskAsync(recorded, store, bus);
                }

                return answer;
            })
            .WithSummary("Empties reporting's facts and asks every producing service to publish its aggregates' current state again. Honours Idempotency-Key; 409 while another rebuild runs.")
            .Produces<RebuildStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

        rebuilds.MapGet("/{id}", async (
                string id, [FromKeyedServices("reporting")] DocumentStore store, IDocumentCollection<RebuildRecord> records,
                IDocumentCollection<RebuildAnnouncement> announcements, IConfiguration configuration, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                if (!errors.Check(Guid.TryParse(id, out var rebuild), "id", "The rebuild's id is a GUID, as POST /reporting/rebuilds answered it."))
                {
                    return errors.ToResult();
                }

                return await records.FindAsync(rebuild.ToString(), cancellationToken) is { } record
                    ? Results.Ok(await ProgressAsync(record, store, announcements, configuration, cancellationToken))
                    : Problems.NotFound("No such rebuild.", $"Rebuild {rebuild} was never started here.");
            })
            .WithSummary("How far a rebuild has come: per area, the aggregates its producer restated and how many of them reporting has taken.")
            .Produces<RebuildProgress>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string HrefOf(string id) => $"/reporting/rebuilds/{id}";

    private static async Task<RebuildProgress> ProgressAsync(
        RebuildRecord record, DocumentStore store, IDocumentCollection<RebuildAnnouncement> announcements, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var announced = (await announcements.WhereAsync("rebuildId", [record.Id], cancellationToken)).ToDictionary(a => a.Area, a => a.Aggregates);
        var applied = await RestatementMarks.TakenAsync(store, record.Id, cancellationToken);
        var areas = FactAreas.Expected(configuration).ToDictionary(
            area => area, area => new AreaProgress(announced.TryGetValue(area, out var n) ? n : null, applied[area]));
        var done = areas.Values.All(a => a.Announced is { } n && a.Applied >= n);
        return new RebuildProgress(Guid.Parse(record.Id), record.StartedAt, areas, done, record.State);
    }
}
