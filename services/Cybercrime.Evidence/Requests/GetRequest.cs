using System.Security.Claims;

namespace Cybercrime.Evidence.Requests;

/// <summary><c>GET /evidence/requests/{id}</c>: one of the office's requests with its full history.</summary>
internal static class GetRequest
{
    public static void MapGetRequest(this RouteGroupBuilder evidence) =>
        evidence.MapGet("/requests/{id:guid}", async (Guid id, ClaimsPrincipal user, EvidenceStore evidence, CancellationToken cancellationToken) =>
            {
                var (request, denied) = await evidence.FindOwnAsync(id, user, cancellationToken);
                return denied ?? TypedResults.Ok(RequestView.Of(request!, withHistory: true));
            })
            .WithSummary("One of the caller's office's requests, with every step: what, the day it happened, when it was recorded and by whom.")
            .Produces<RequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
