using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Registrations;

internal sealed record ImportResult(int Rows, int Registered, int Waitlisted, int AlreadyRegistered);

/// <summary>
/// <c>POST /training/sessions/{id}/registrations/import</c> with a CSV body, one participant a row:
/// <c>externalRef,gender,countryCode,agencyType[,role]</c>. The whole file is checked first and every
/// bad row answered (<c>rows[N].field</c>, N the line in the file); otherwise it is committed as a
/// whole, in file order, waitlisting past capacity. Participants already registered are left as they
/// are, so importing the same file again changes nothing.
/// </summary>
internal static class ImportRegistrations
{
    public const int MaxRows = 20_000;

    private static readonly string[] RequiredColumns = ["externalRef", "gender", "countryCode", "agencyType"];

    public static void MapImportRegistrations(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/registrations/import", HandleAsync)
            .WithSummary("Registers every participant of a CSV file, all or nothing.")
            .AcceptsCsvFile()
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
            var participants = Parse(csv, errors);
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
            var changes = new Changes();
            var current = session;
            var (registered, waitlisted, already) = (0, 0, 0);
            foreach (var participant in participants)
            {
                var participantId = identity.Of(session.Office, participant.ExternalRef);
                var id = ParticipantIdentity.Registration(session.Id, participantId).ToString();
                var earlier = existing.GetValueOrDefault(id);
                if (earlier is { Status: not EnrolmentStatus.Cancelled })
                {
                    already++;
                    continue;
                }

                var result = Enrolment.Register(current, earlier, participant, participantId, now);
                if (result is Enrolment.Refused refused)
                {
                    return CommandOutcome.Refuse(refused.Problem);
                }

                var applied = (Enrolment.Applied)result;
                changes.Save(applied.Registration, earlier?.Version ?? 0, applied.Event());
                current = applied.Session;
                _ = applied.Registration.Status == EnrolmentStatus.Waitlisted ? waitlisted++ : registered++;
            }

            if (!changes.IsEmpty)
            {
                // One session write for the whole file, at the version after the last registration.
                changes.Save(current, session.Version);
            }

            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, new ImportResult(participants.Count, registered, waitlisted, already));
        }, turn: $"{id}");
    }

    /// <summary>Every row's participant, or every row's problems in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ValidParticipant> Parse(string csv, ValidationErrors errors)
    {
        var participants = new List<ValidParticipant>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(csv, RequiredColumns, $"{string.Join(",", RequiredColumns)}[,role]", MaxRows, errors))
        {
            var (line, field) = (row.Line, row.Field);
            var request = new ParticipantRequest(
                row["externalRef"],
                Parse<Gender>(row["gender"]),
                row["countryCode"],
                Parse<AgencyType>(row["agencyType"]),
                row["role"]);
            if (RegisterParticipant.Validate(request, field, errors) is not { } participant)
            {
                continue;
            }

            if (lineOf.TryGetValue(participant.ExternalRef, out var first))
            {
                errors.Add($"{field}.externalRef", $"'{participant.ExternalRef}' is already on line {first}.");
                continue;
            }

            lineOf[participant.ExternalRef] = line;
            participants.Add(participant);
        }

        return participants;
    }

    /// <summary>An enum column by its wire name; anything else reads as missing, and the row's checks name the allowed values.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        ContractJson.TryParse<TEnum>(value, out var parsed) ? parsed : null;
}
