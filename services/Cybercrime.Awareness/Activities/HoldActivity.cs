using System.Security.Claims;
using Cybercrime.Awareness.Campaigns;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Activities;

/// <summary><c>POST /awareness/activities</c>: an office records an activity it held and how many took part, per country.</summary>
internal static class HoldActivity
{
    public static void MapHoldActivity(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/activities", (ActivityRequest request, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
                awareness.Store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not { } valid)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var (details, participants) = valid;

                    if (await CampaignProblemAsync(awareness, details.CampaignId, user, http.RequestAborted) is { } problem)
                    {
                        return CommandOutcome.Refuse(problem);
                    }

                    var (activity, held) = Activity.Hold(user.Office()!, details, participants, clock.GetUtcNow());
                    return CommandOutcome.Commit(
                        new Changes().Save(activity, 0, held), StatusCodes.Status201Created, new Created(activity.Id), $"/awareness/activities/{activity.Id}");
                }))
            .WithSummary("Records an awareness activity of the caller's office with its participants per country.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>An activity may belong to a campaign of the same office; any other campaign id is refused, naming the field.</summary>
    public static async Task<IResult?> CampaignProblemAsync(AwarenessStore awareness, Guid? campaignId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (campaignId is not { } id)
        {
            return null;
        }

        var (_, denied) = await awareness.FindOwnCampaignAsync(id, user, cancellationToken);
        if (denied is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("campaignId", $"{id} is not a campaign of the caller's office.");
        return errors.ToResult();
    }
}
