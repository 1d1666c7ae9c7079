using System.Security.Claims;

namespace Cybercrime.Awareness.Campaigns;

/// <summary><c>GET /awareness/campaigns/{id}</c>: one of the office's campaigns with its series, as the campaign keeps them.</summary>
internal static class GetCampaign
{
    public static void MapGetCampaign(this RouteGroupBuilder awareness) =>
        awareness.MapGet("/campaigns/{id:guid}", async (Guid id, ClaimsPrincipal user, AwarenessStore awareness, CancellationToken cancellationToken) =>
            {
                var (campaign, denied) = await awareness.FindOwnCampaignAsync(id, user, cancellationToken);
                return denied ?? TypedResults.Ok(CampaignView.Of(campaign!, withSeries: true));
            })
            .WithSummary("One of the caller's office's campaigns, with its totals and each series' granularity and total.")
            .Produces<CampaignView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
