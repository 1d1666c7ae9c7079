using System.Globalization;
using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// <c>POST /awareness/campaigns/{id}/observations/import</c> with a CSV body, one figure a row:
/// <c>channel,metric,period,value,country,language</c> (the last two may be empty). The whole file is
/// checked first and every bad row answered (<c>rows[N].field</c>, N the line in the file); otherwise it
/// is recorded as a whole, as <see cref="Recording"/> records a JSON batch, so a platform export sent
/// twice changes nothing the second time.
/// </summary>
internal static class ImportObservations
{
    public static readonly string[] ContentTypes = ["text/csv", "application/csv", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"];

    private static readonly string[] RequiredColumns = ["channel", "metric", "period", "value"];

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
            var batch = Parse(csv, errors);
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

    /// <summary>Every row's observation, or every row's problems in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ValidObservation> Parse(string csv, ValidationErrors errors)
    {
        var batch = new List<ValidObservation>();
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        if (!reader.Read() || !reader.ReadHeader())
        {
            errors.Add("file", $"The file is empty; its first line names the columns: {string.Join(",", RequiredColumns)},country,language.");
            return batch;
        }

        var missing = RequiredColumns.Where(c => !reader.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            errors.Add("header", $"Missing columns: {string.Join(", ", missing)}. Expected {string.Join(",", RequiredColumns)},country,language.");
            return batch;
        }

        var (hasCountry, hasLanguage) = (reader.HeaderRecord!.Contains("country"), reader.HeaderRecord!.Contains("language"));
        var rows = 0;
        while (reader.Read())
        {
            // A quoted field may span lines: a row is named by the line it starts on.
            var raw = reader.Parser.RawRecord;
            var unterminated = raw.Count(c => c == '"') % 2 == 1;
            var line = reader.Parser.RawRow - raw.Count(c => c == '\n') + (raw.EndsWith('\n') && !unterminated ? 1 : 0);
            if (++rows > Recording.MaxObservations)
            {
                errors.Add("file", $"A file holds at most {Recording.MaxObservations} rows.");
                break;
            }

            var field = $"rows[{line}]";
            if (unterminated)
            {
                errors.Add(field, "A quote opened on this line is never closed, so the rest of the file reads as one field.");
                continue;
            }

            var value = reader.GetField("value");
            var request = new ObservationRequest(
                Parse<Channel>(reader.GetField("channel")),
                Parse<ReachMetric>(reader.GetField("metric")),
                Blank(reader.GetField("period")),
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
                hasCountry ? Blank(reader.GetField("country")) : null,
                hasLanguage ? Blank(reader.GetField("language")) : null);
            if (request.Validate(field, errors) is { } valid)
            {
                batch.Add(valid);
            }
            else if (!string.IsNullOrEmpty(value) && request.Value is null)
            {
                errors.Add($"{field}.value", $"'{value}' is not a whole number.");
            }
        }

        ObservationRequest.CheckDistinct(batch, errors);
        return batch;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>An enum column by its wire name; anything else reads as missing, and the row's checks name the allowed values.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        ContractJson.TryParse<TEnum>(value, out var parsed) ? parsed : null;
}
