using System.Security.Claims;

namespace Cybercrime.Awareness.Activities;

/// <summary><c>GET /awareness/activities/{id}</c>: one of the office's activities with its counts per country.</summary>
internal static class GetActivity
{
    public static void MapGetActivity(this RouteGroupBuilder awareness) =>
        awareness.MapGet("/activities/{id:guid}", async (Guid id, ClaimsPrincipal user, AwarenessStore awareness, CancellationToken cancellationToken) =>
            {
                var (activity, denied) = await awareness.FindOwnActivityAsync(id, user, cancellationToken);
                return denied ?? TypedResults.Ok(ActivityView.Of(activity!));
            })
            .WithSummary("One of the caller's office's activities, with its participants per country.")
            .Produces<ActivityView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
