using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Rebuild;

internal sealed record RebuildStarted(Guid Id, string Href);

/// <summary>An area's progress: how many aggregates its producer announced it restated (null until it has), and how many facts reporting now holds.</summary>
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
    public static void MapRebuilds(this IEndpointRouteBuilder app)
    {
        var rebuilds = app.MapGroup("/reporting/rebuilds").RequireAuthorization(AuthRegistration.OperationsPolicy).WithTags("Reporting");
        rebuilds.MapPost("/", async (
                [FromKeyedServices("reporting")] DocumentStore store, IDocumentCollection<RebuildRecord> records, IPublishEndpoint bus, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                var id = Guid.NewGuid();
                var record = new RebuildRecord { Id = id.ToString(), StartedAt = clock.GetUtcNow(), State = RebuildRecord.Requested };
                await records.SaveAsync(record, 0, [], cancellationToken);
                await RebuildAsking.AskAsync(record, store, bus);
                var href = $"/reporting/rebuilds/{id}";
                return TypedResults.Accepted(href, new RebuildStarted(id, href));
            })
            .WithSummary("Empties reporting's facts and asks every producing service to publish its aggregates' current state again.")
            .Produces<RebuildStarted>(StatusCodes.Status202Accepted);

        rebuilds.MapGet("/{id:guid}", async (
                Guid id, [FromKeyedServices("reporting")] DocumentStore store, IDocumentCollection<RebuildRecord> records,
                IDocumentCollection<RebuildAnnouncement> announcements, IConfiguration configuration, CancellationToken cancellationToken) =>
            {
                if (await records.FindAsync(id.ToString(), cancellationToken) is not { } record)
                {
                    return Problems.NotFound("No such rebuild.", $"Rebuild {id} was never started here.");
                }

                var announced = (await announcements.WhereAsync("rebuildId", [id.ToString()], cancellationToken)).ToDictionary(a => a.Area, a => a.Aggregates);
                var applied = await FactAreas.AppliedAsync(store, cancellationToken);
                var areas = FactAreas.Expected(configuration).ToDictionary(
                    area => area, area => new AreaProgress(announced.TryGetValue(area, out var n) ? n : null, applied[area]));
                var done = areas.Values.All(a => a.Announced is { } n && a.Applied >= n);
                return Results.Ok(new RebuildProgress(id, record.StartedAt, areas, done, record.State));
            })
            .WithSummary("How far a rebuild has come: per area, the aggregates its producer restated and the facts reporting holds.")
            .Produces<RebuildProgress>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
