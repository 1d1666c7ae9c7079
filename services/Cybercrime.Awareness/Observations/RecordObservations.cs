using System.Security.Claims;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// <c>POST /awareness/campaigns/{id}/observations</c>: reach figures of one campaign, as they come, late
/// and re-sent: each key recorded, replaced or left unchanged (<see cref="Recording"/>).
/// </summary>
internal static class RecordObservations
{
    public static void MapRecordObservations(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/campaigns/{id:guid}/observations", HandleAsync)
            .WithSummary("Records a campaign's reach figures: the same key again replaces its value, never adds to it.")
            .Produces<ObservationsResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(Guid id, ObservationsRequest request, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock) =>
        awareness.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            var items = request.Observations ?? [];
            errors.Check(items.Count is > 0 and <= Recording.MaxObservations, "observations", $"From 1 to {Recording.MaxObservations} observations are required.");
            var batch = new List<ValidObservation>();
            for (var i = 0; i < Math.Min(items.Count, Recording.MaxObservations); i++)
            {
                var field = $"observations[{i}]";
                if (errors.Check(items[i] is not null, field, "An observation is required.") && items[i]!.Validate(field, errors) is { } valid)
                {
                    batch.Add(valid);
                }
            }

            ObservationRequest.CheckDistinct(batch, errors);
            if (errors.Any)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (campaign, denied) = await awareness.FindOwnCampaignAsync(id, user, http.RequestAborted);
            return denied is not null
                ? CommandOutcome.Refuse(denied)
                : await Recording.RecordAsync(awareness, campaign!, batch, clock.GetUtcNow(), http.RequestAborted);
        }, turn: $"{id}");
}
