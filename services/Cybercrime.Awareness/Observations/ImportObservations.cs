using System.Security.Claims;
using Cybercrime.Platform.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// <c>POST /awareness/campaigns/{id}/observations/import</c> with a CSV body (<see cref="ObservationsCsv"/>).
/// The whole file is checked first and every bad row answered; otherwise it is recorded as a whole, as
/// <see cref="Recording"/> records a JSON batch, so a platform export sent twice changes nothing the second time.
/// </summary>
internal static class ImportObservations
{
    public static readonly string[] ContentTypes = ["text/csv", "application/csv", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"];

    public static void MapImportObservations(this RouteGroupBuilder awareness) =>
        awareness.MapPost("/campaigns/{id:guid}/observations/import", HandleAsync)
            .WithSummary("Records every figure of a CSV file (a platform export), all or nothing.")
            .WithDescription($"The body is the CSV file itself, sent as one of: {string.Join(", ", ContentTypes)} (or with no type).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts, which would make routing refuse other types with a bare 415.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
                };
                return Task.CompletedTask;
            })
            .Produces<ObservationsResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, HttpContext http, AwarenessStore awareness, TimeProvider clock)
    {
        if (http.Request.ContentType is { Length: > 0 } type
            && !(MediaTypeHeaderValue.TryParse(type, out var media) && ContentTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The import takes the CSV file itself as the body.",
                detail: $"Send it as text/csv (or {string.Join(", ", ContentTypes[1..])}), e.g. curl --data-binary @reach.csv -H 'Content-Type: text/csv'; " +
                    $"not as {type.Split(';')[0]}.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var csv = await reader.ReadToEndAsync(http.RequestAborted);
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
