using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Activities;

/// <summary><c>PUT /awareness/activities/{id}</c>: replaces an activity's details and its counts per country.</summary>
internal static class AmendActivity
{
    public static void MapAmendActivity(this RouteGroupBuilder awareness) =>
        awareness.MapPut("/activities/{id:guid}", (Guid id, ActivityRequest request, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
                awareness.Store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not { } valid)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var (details, participants) = valid;

                    var (activity, denied) = await awareness.FindOwnActivityAsync(id, user, http.RequestAborted);
                    if ((denied ?? await HoldActivity.CampaignProblemAsync(awareness, details.CampaignId, user, http.RequestAborted)) is { } problem)
                    {
                        return CommandOutcome.Refuse(problem);
                    }

                    var (amended, @event) = activity!.Amend(details, participants, clock.GetUtcNow());
                    return CommandOutcome.Commit(new Changes().Save(amended, activity.Version, @event), StatusCodes.Status200OK, ActivityView.Of(amended));
                }, turn: $"{id}"))
            .WithSummary("Amends an activity; its counts per country are replaced, a country left out counting 0.")
            .Produces<ActivityView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
