using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Campaigns;

/// <summary>
/// <c>PUT /awareness/campaigns/{id}</c>: replaces what the office says about a campaign (same body as
/// launching). Its dates must still overlap every period recorded, and its channels keep every channel
/// that has figures, so that no recorded figure ends up outside the campaign.
/// </summary>
internal static class AmendCampaign
{
    public static void MapAmendCampaign(this RouteGroupBuilder awareness) =>
        awareness.MapPut("/campaigns/{id:guid}", HandleAsync)
            .WithSummary("Amends a campaign: name, audiences, countries, languages, channels, partners, dates.")
            .Produces<CampaignView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(Guid id, CampaignRequest request, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
        awareness.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            if (request.Validate(errors) is not { } details)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (campaign, denied) = await awareness.FindOwnCampaignAsync(id, user, http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            if (campaign!.Status == CampaignStatus.Closed)
            {
                return CommandOutcome.Refuse(Problems.Conflict("A closed campaign cannot be amended.", campaign.Status));
            }

            errors.Check(campaign.EarliestPeriodEnd is not { } earliestEnd || details.StartDate <= earliestEnd, "startDate",
                $"Figures are recorded for a period ending {campaign.EarliestPeriodEnd:yyyy-MM-dd}; the campaign cannot start after it.");
            errors.Check(campaign.LatestPeriodStart is not { } latestStart || details.EndDate >= latestStart, "endDate",
                $"Figures are recorded for a period starting {campaign.LatestPeriodStart:yyyy-MM-dd}; the campaign cannot end before it.");
            foreach (var channel in campaign.Series.Select(s => s.Channel).Distinct().Where(c => !details.Channels.Contains(c)))
            {
                errors.Add("channels", $"Figures are recorded on {ContractJson.Name(channel)}; it stays among the campaign's channels.");
            }

            if (errors.Any)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (amended, @event) = campaign.Amend(details, clock.GetUtcNow());
            return CommandOutcome.Commit(new Changes().Save(amended, campaign.Version, @event), StatusCodes.Status200OK, CampaignView.Of(amended));
        }, turn: $"{id}");
}
