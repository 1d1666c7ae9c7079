using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Registrations;

/// <summary><c>Attended</c> and <c>Completed</c>: the rows whose attendance or completion this import recorded.</summary>
internal sealed record ImportResult(int Rows, int Registered, int Waitlisted, int AlreadyRegistered, int Attended = 0, int Completed = 0);

/// <summary>
/// <c>POST /training/sessions/{id}/registrations/import</c> with a CSV body, one participant a row:
/// <c>externalRef,gender,countryCode,agencyType[,role][,status]</c>. The whole file is checked first and every
/// bad row answered (<c>rows[N].field</c>, N the line in the file); otherwise it is committed as a
/// whole, in file order, waitlisting past capacity. Participants already registered are left as they
/// are, or moved on to the row's <c>status</c> (<see cref="ImportedRow"/>: a held session's attendance
/// or completions back-recorded), so importing the same file again changes nothing.
/// </summary>
internal static class ImportRegistrations
{
    public const int MaxRows = 20_000;

    private static readonly string[] RequiredColumns = ["externalRef", "gender", "countryCode", "agencyType"];

    public static void MapImportRegistrations(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/registrations/import", HandleAsync)
            .WithSummary("Registers every participant of a CSV file, all or nothing.")
            .AcceptsCsvFile("Columns: externalRef,gender,countryCode,agencyType[,role][,status]; status registered (or blank), attended or completed, to back-record a session held.")
            .Produces<ImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, HttpContext http, TrainingStore training, ParticipantIdentity identity, TimeProvider clock)
    {
        var (csv, refused) = await CsvUpload.ReadAsync(http, "people.csv");
        if (refused is not null)
        {
            return refused;
        }

        return await training.Store.RunAsync(http, csv, async () =>
        {
            var errors = new ValidationErrors();
            var rows = Parse(csv, errors);
            if (errors.Any)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (session, denied) = await training.FindOwnSessionAsync(id, user, http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            var existing = (await training.Registrations.WhereAsync("sessionId", [session!.Id], http.RequestAborted)).ToDictionary(r => r.Id);
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var changes = new Changes();
            var current = session;
            var counts = new ImportResult(rows.Count, 0, 0, 0);
            foreach (var row in rows)
            {
                var participantId = identity.Of(session.Office, row.Participant.ExternalRef);
                var earlier = existing.GetValueOrDefault(ParticipantIdentity.Registration(session.Id, participantId).ToString());
                var registration = earlier;
                var events = new List<IParticipantEvent>();
                if (earlier is not { Status: not EnrolmentStatus.Cancelled })
                {
                    var result = Enrolment.Register(current, earlier, row.Participant, participantId, now);
                    if (result is Enrolment.Refused refused)
                    {
                        return CommandOutcome.Refuse(refused.Problem);
                    }

                    var applied = (Enrolment.Applied)result;
                    (registration, current) = (applied.Registration, applied.Session);
                    events.Add(applied.Event());
                    counts = applied.Registration.Status == EnrolmentStatus.Waitlisted
                        ? counts with { Waitlisted = counts.Waitlisted + 1 }
                        : counts with { Registered = counts.Registered + 1 };
                }

                foreach (var step in row.StepsFrom(registration!.Status, current, today, errors) ?? [])
                {
                    var stepped = Enrolment.Apply(current, registration, step, now);
                    if (stepped is Enrolment.Refused cannot)
                    {
                        return CommandOutcome.Refuse(cannot.Problem);
                    }

                    var applied = (Enrolment.Applied)stepped;
                    (registration, current) = (applied.Registration, applied.Session);
                    events.Add(applied.Event());
                    counts = step == EnrolmentAction.Attendance
                        ? counts with { Attended = counts.Attended + 1 }
                        : counts with { Completed = counts.Completed + 1 };
                }

                if (events.Count == 0)
                {
                    counts = counts with { AlreadyRegistered = counts.AlreadyRegistered + 1 };
                    continue;
                }

                changes.Save(registration, earlier?.Version ?? 0, events);
            }

            if (errors.Any)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            if (!changes.IsEmpty)
            {
                // One session write for the whole file, at the version after the last registration.
                changes.Save(current, session.Version);
            }

            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, counts);
        }, turn: $"{id}");
    }

    /// <summary>Every row's participant and status, or every row's problems in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ImportedRow> Parse(string csv, ValidationErrors errors)
    {
        var rows = new List<ImportedRow>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(csv, RequiredColumns, ["role", "status"], $"{string.Join(",", RequiredColumns)}[,role][,status]", MaxRows, errors))
        {
            var (line, field) = (row.Line, row.Field);
            var request = new ParticipantRequest(
                row["externalRef"],
                Parse<Gender>(row["gender"]),
                row["countryCode"],
                Parse<AgencyType>(row["agencyType"]),
                row["role"]);
            var status = ImportedRow.StatusOf(row, errors);
            if (RegisterParticipant.Validate(request, field, errors) is not { } participant || status is null)
            {
                continue;
            }

            if (lineOf.TryGetValue(participant.ExternalRef, out var first))
            {
                errors.Add($"{field}.externalRef", $"'{participant.ExternalRef}' is already on line {first}.");
                continue;
            }

            lineOf[participant.ExternalRef] = line;
            rows.Add(new ImportedRow(line, participant, status.Value));
        }

        return rows;
    }

    /// <summary>An enum column by its wire name; anything else reads as missing, and the row's checks name the allowed values.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        ContractJson.TryParse<TEnum>(value, out var parsed) ? parsed : null;
}
