using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Awareness.Campaigns;

internal sealed record CampaignPage(IReadOnlyList<CampaignView> Items, int Page, int PageSize, long Total);

/// <summary><c>GET /awareness/campaigns?page=&amp;pageSize=</c>: the office's campaigns, latest start first, each with its totals per metric.</summary>
internal static class ListCampaigns
{
    public const int MaxPageSize = 200;
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static void MapListCampaigns(this RouteGroupBuilder awareness) =>
        awareness.MapGet("/campaigns", async (ClaimsPrincipal user, AwarenessStore awareness, CancellationToken cancellationToken, int page = 1, int pageSize = 50) =>
            {
                var errors = new ValidationErrors();
                errors.Check(page is >= 1 and <= MaxPage, "page", $"Pages are numbered from 1 to {MaxPage}.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} campaigns.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var query = new Query(Filter.Equal("office", user.Office()!), [Sort.Descend("details.startDate"), Sort.Ascending("id")], (page - 1) * pageSize, pageSize);
                var found = await awareness.Campaigns.PageAsync(query, cancellationToken);
                return TypedResults.Ok(new CampaignPage([.. found.Items.Select(c => CampaignView.Of(c))], page, pageSize, found.Total));
            })
            .WithSummary("The caller's office's campaigns with their latest totals, paged.")
            .Produces<CampaignPage>()
            .ProducesValidationProblem();
}
