using System.Security.Claims;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Campaigns;

/// <summary>
/// <c>POST /awareness/campaigns/{id}/closure</c>: the campaign is over and its details final. Its figures
/// still arrive late and are still corrected, so observations remain open.
/// </summary>
internal static class CloseCampaign
{
    public static void MapCloseCampaign(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/campaigns/{id:guid}/closure", (Guid id, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
                awareness.Store.RunAsync(http, id.ToString(), async () =>
                {
                    var (campaign, denied) = await awareness.FindOwnCampaignAsync(id, user, http.RequestAborted);
                    if (denied is not null)
                    {
                        return CommandOutcome.Refuse(denied);
                    }

                    if (campaign!.Status == CampaignStatus.Closed)
                    {
                        return CommandOutcome.Refuse(Problems.Conflict("The campaign is already closed.", campaign.Status));
                    }

                    var (closed, @event) = campaign.Close(clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(closed, campaign.Version, @event), StatusCodes.Status200OK, CampaignView.Of(closed));
                }, turn: $"{id}"))
            .WithSummary("Closes a campaign; its figures can still be recorded and corrected.")
            .Produces<CampaignView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
