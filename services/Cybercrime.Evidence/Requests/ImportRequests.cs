using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cybercrime.Evidence.Requests;

internal sealed record ImportResult(int Rows, int Recorded, int AlreadyRecorded);

/// <summary>
/// <c>POST /evidence/requests/import</c> with a CSV body, one past request a row with its steps' days
/// (<see cref="ImportRows"/>). The whole file is checked first and every bad row answered
/// (<c>rows[N].field</c>, N the line in the file); otherwise every request is recorded, submitted and
/// stepped, in one commit. A row's request id derives from the office and the row itself, so importing
/// the same file again finds every request recorded and changes nothing.
/// </summary>
internal static class ImportRequests
{
    /// <summary>What people send a CSV file as: its own types, plain text, and what curl's <c>--data-binary</c> says by default.</summary>
    public static readonly string[] ContentTypes = ["text/csv", "application/csv", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"];

    /// <summary>How many ids one read asks the store for.</summary>
    private const int LookupChunk = 500;

    public static void MapImportRequests(this RouteGroupBuilder evidence) =>
        evidence.MapPost("/requests/import", HandleAsync)
            .WithSummary("Records past requests from a CSV file, with their steps' days and outcomes, all or nothing.")
            .WithDescription($"Columns: {string.Join(",", ImportRows.Columns)} ({string.Join(", ", ImportRows.Required)} required). " +
                $"The body is the CSV file itself, sent as one of: {string.Join(", ", ContentTypes)} (or with no type).")
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
            .Produces<ImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, CaseKeys cases, Deadlines deadlines, TimeProvider clock)
    {
        if (http.Request.ContentType is { Length: > 0 } type
            && !(MediaTypeHeaderValue.TryParse(type, out var media) && ContentTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The import takes the CSV file itself as the body.",
                detail: $"Send it as text/csv, e.g. curl --data-binary @requests.csv -H 'Content-Type: text/csv'; not as {type.Split(';')[0]}.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var csv = await reader.ReadToEndAsync(http.RequestAborted);
        var office = user.Office()!;
        return await evidence.Store.RunAsync(http, csv, async () =>
        {
            var now = clock.GetUtcNow();
            var errors = new ValidationErrors();
            var rows = ImportRows.Parse(csv, office, DateOnly.FromDateTime(now.UtcDateTime), now, EvidenceStore.Recorder(user), cases, deadlines, errors);
            if (errors.Any)
            {
                return CommandOutcome.Refuse(errors.ToResult("The file has invalid rows; nothing was recorded."));
            }

            var recorded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in rows.Select(r => r.Request.Id).Chunk(LookupChunk))
            {
                recorded.UnionWith((await evidence.Requests.FindManyAsync(chunk, http.RequestAborted)).Select(r => r.Id));
            }

            var changes = new Changes();
            foreach (var row in rows.Where(r => !recorded.Contains(r.Request.Id)))
            {
                changes.Save(row.Request, 0, row.Events);
            }

            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, new ImportResult(rows.Count, rows.Count - recorded.Count, recorded.Count));
        }, turn: $"import:{office}");
    }
}
