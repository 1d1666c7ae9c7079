using System.Security.Claims;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

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
    /// <summary>How many ids one read asks the store for.</summary>
    private const int LookupChunk = 500;

    public static void MapImportRequests(this RouteGroupBuilder evidence) =>
        evidence.MapPost("/requests/import", HandleAsync)
            .WithSummary("Records past requests from a CSV file, with their steps' days and outcomes, all or nothing.")
            .AcceptsCsvFile($"Columns: {string.Join(",", ImportRows.Columns)} ({string.Join(", ", ImportRows.Required)} required).")
            .Produces<ImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, CaseKeys cases, Deadlines deadlines, TimeProvider clock)
    {
        var (csv, refused) = await CsvUpload.ReadAsync(http, "requests.csv");
        if (refused is not null)
        {
            return refused;
        }

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
