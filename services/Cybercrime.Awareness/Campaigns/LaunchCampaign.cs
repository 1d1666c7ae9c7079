using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Campaigns;

internal sealed record Created(string Id);

/// <summary><c>POST /awareness/campaigns</c>: an office launches a campaign of its own.</summary>
internal static class LaunchCampaign
{
    public static void MapLaunchCampaign(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/campaigns", (CampaignRequest request, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
                awareness.Store.RunAsync(http, request, () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not { } details)
                    {
                        return Task.FromResult(CommandOutcome.Refuse(errors.ToResult()));
                    }

                    var (campaign, launched) = Campaign.Launch(user.Office()!, details, clock.GetUtcNow());
                    return Task.FromResult(CommandOutcome.Commit(
                        new Changes().Save(campaign, 0, launched), StatusCodes.Status201Created, new Created(campaign.Id), $"/awareness/campaigns/{campaign.Id}"));
                }))
            .WithSummary("Launches an awareness campaign for the caller's office.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
