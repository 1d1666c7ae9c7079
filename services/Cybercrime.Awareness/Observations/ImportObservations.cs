using System.Security.Claims;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// <c>POST /awareness/campaigns/{id}/observations/import</c> with a CSV body (<see cref="ObservationsCsv"/>).
/// The whole file is checked first and every bad row answered; otherwise it is recorded as a whole, as
/// <see cref="Recording"/> records a JSON batch, so a platform export sent twice changes nothing the second time.
/// </summary>
internal static class ImportObservations
{
    public static void MapImportObservations(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/campaigns/{id:guid}/observations/import", HandleAsync)
            .WithSummary("Records every figure of a CSV file (a platform export), all or nothing.")
            .AcceptsCsvFile()
            .Produces<ObservationsResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock)
    {
        var (csv, refused) = await CsvUpload.ReadAsync(http, "reach.csv");
        if (refused is not null)
        {
            return refused;
        }

        return await awareness.Store.RunAsync(http, csv, async () =>
        {
            var errors = new ValidationErrors();
            var batch = ObservationsCsv.Parse(csv, errors);
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
}
