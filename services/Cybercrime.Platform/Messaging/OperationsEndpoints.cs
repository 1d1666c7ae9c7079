using Cybercrime.Platform.Http;
using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Platform.Messaging;

internal sealed record ReplayResult(string Queue, int Replayed);

internal sealed record OutboxReplayResult(string Store, int Replayed);

/// <summary>
/// <c>GET /operations/parked/{queue}</c> lists what a service's queue parked in its error queue, with
/// the reason; <c>POST /operations/parked/{queue}/replay</c> sends it back to be consumed again.
/// For the operations role, and only for the service's own queues on RabbitMQ.
/// <c>GET /operations/outbox/{store}/parked</c> lists the events a store's outbox set aside because they
/// cannot be published, with the reason; <c>POST /operations/outbox/{store}/replay</c> puts them back.
/// </summary>
internal static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/operations/parked").RequireAuthorization(AuthRegistration.OperationsPolicy).WithTags("Operations");
        operations.MapGet("/{queue}", async (string queue, IServiceProvider services, CancellationToken cancellationToken) =>
                Find(queue, services) is { } refusal ? refusal : TypedResults.Ok(await services.GetRequiredService<ParkedMessages>().ListAsync(queue, cancellationToken)))
            .WithSummary("Messages a queue parked after its retries, with the reason.")
            .Produces<IReadOnlyList<ParkedMessage>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        operations.MapPost("/{queue}/replay", async (string queue, IServiceProvider services, CancellationToken cancellationToken) =>
                Find(queue, services) is { } refusal
                    ? refusal
                    : TypedResults.Ok(new ReplayResult(queue, await services.GetRequiredService<ParkedMessages>().ReplayAsync(queue, cancellationToken))))
            .WithSummary("Sends every parked message of a queue back to it.")
            .Produces<ReplayResult>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var outbox = app.MapGroup("/operations/outbox").RequireAuthorization(AuthRegistration.OperationsPolicy).WithTags("Operations");
        outbox.MapGet("/{store}/parked", async (string store, IServiceProvider services, CancellationToken cancellationToken) =>
                services.GetKeyedService<DocumentStore>(store) is { } found
                    ? Results.Ok(await found.ParkedEventsAsync(ParkedMessages.MaxListed, cancellationToken))
                    : NoSuchStore())
            .WithSummary("Events the store's outbox set aside because they cannot be published, with the reason.")
            .Produces<IReadOnlyList<ParkedEvent>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        outbox.MapPost("/{store}/replay", async (string store, IServiceProvider services, CancellationToken cancellationToken) =>
            {
                if (services.GetKeyedService<DocumentStore>(store) is not { } found)
                {
                    return NoSuchStore();
                }

                var replayed = await found.ReplayParkedAsync(cancellationToken);
                found.OutboxSignal.Notify();
                return Results.Ok(new OutboxReplayResult(store, replayed));
            })
            .WithSummary("Puts every parked event of the store's outbox back to be published.")
            .Produces<OutboxReplayResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult NoSuchStore() => Problems.NotFound("No such store.", "Name a store of this service, e.g. training or reporting.");

    /// <summary>Null when the queue is this service's and parked messages can be reached; otherwise why not.</summary>
    private static IResult? Find(string queue, IServiceProvider services)
    {
        if (services.GetService<ParkedMessages>() is null)
        {
            return Problems.Conflict("The in-memory bus parks nothing that outlives the process.", BusTransport.InMemory);
        }

        var owned = services.GetServices<MessageBusRegistration.OwnedQueues>().SelectMany(q => q.Names);
        return owned.Contains(queue, StringComparer.Ordinal)
            ? null
            : Problems.NotFound("No such queue.", $"This service reads {string.Join(", ", owned.DefaultIfEmpty("no queue"))}.");
    }
}
