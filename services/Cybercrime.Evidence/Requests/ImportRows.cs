using System.Globalization;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;

namespace Cybercrime.Evidence.Requests;

/// <summary>One row of an import, recorded: the request as its last step left it, and every event its steps raised.</summary>
internal sealed record ImportedRow(EvidenceRequest Request, IReadOnlyList<Contracts.IIntegrationEvent> Events);

/// <summary>
/// Reads an import file: a header, then a past request per row. Each row is checked with the same rules
/// as the API (the request's fields, then each step through <see cref="EvidenceRequest.Record"/>), and a
/// bad row is named by its line, <c>rows[N].field</c>.
/// </summary>
internal static class ImportRows
{
    public const int MaxRows = 20_000;

    public static readonly string[] Required =
        ["requestingCountry", "requestingAgency", "provider", "state", "requestType", "crimeCategory", "priority", "caseReference", "submittedOn"];

    public static readonly string[] Columns = [.. Required, "legalBasis", "acknowledgedOn", "outcome", "outcomeOn", "refusalReason", "withdrawnOn"];

    public static IReadOnlyList<ImportedRow> Parse(
        string csv, string office, DateOnly today, DateTimeOffset now, string by, CaseKeys cases, Deadlines deadlines, ValidationErrors errors)
    {
        var imported = new List<ImportedRow>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(csv, Required, Columns, string.Join(",", Columns), MaxRows, errors))
        {
            var (line, field) = (row.Line, row.Field);
            var values = Columns.ToDictionary(c => c, c => row[c] is { Length: > 0 } v ? v : null, StringComparer.Ordinal);
            var identity = string.Join('\u001f', Columns.Select(c => values.GetValueOrDefault(c) ?? ""));
            if (lineOf.TryGetValue(identity, out var first))
            {
                errors.Add(field, $"The same request as on line {first}.");
                continue;
            }

            lineOf[identity] = line;
            if (Row(cases.ImportedId(office, identity).ToString(), values, $"{field}.", office, today, now, by, cases, deadlines, errors) is { } request)
            {
                imported.Add(request);
            }
        }

        return imported;
    }

    /// <summary>The row's request recorded step by step, or null with its problems in <paramref name="errors"/>.</summary>
    private static ImportedRow? Row(
        string id, Dictionary<string, string?> values, string prefix, string office, DateOnly today, DateTimeOffset now, string by,
        CaseKeys cases, Deadlines deadlines, ValidationErrors errors)
    {
        var valid = true;
        var body = new RequestBody(
            values["requestingCountry"],
            Enum<AgencyType>(values, "requestingAgency", prefix, errors, ref valid),
            new AddresseeBody(Enum<EvidenceProvider>(values, "provider", prefix, errors, ref valid), values["state"]),
            Enum<EvidenceRequestType>(values, "requestType", prefix, errors, ref valid),
            Enum<CrimeCategory>(values, "crimeCategory", prefix, errors, ref valid),
            Enum<EvidencePriority>(values, "priority", prefix, errors, ref valid),
            values.GetValueOrDefault("legalBasis"),
            values["caseReference"]);
        var submittedOn = Day(values, "submittedOn", prefix, errors, ref valid);
        var acknowledgedOn = Day(values, "acknowledgedOn", prefix, errors, ref valid);
        var outcome = Enum<EvidenceOutcome>(values, "outcome", prefix, errors, ref valid);
        var outcomeOn = Day(values, "outcomeOn", prefix, errors, ref valid);
        var reason = Enum<RefusalReason>(values, "refusalReason", prefix, errors, ref valid);
        var withdrawnOn = Day(values, "withdrawnOn", prefix, errors, ref valid);
        valid &= errors.Check(submittedOn is not null || values["submittedOn"] is not null, $"{prefix}submittedOn", "The day the request was submitted is required (e.g. 2020-03-02).");
        valid &= errors.Check(outcome is null == outcomeOn is null, outcome is null ? $"{prefix}outcome" : $"{prefix}outcomeOn", "An outcome and its day come together.");
        valid &= errors.Check(outcome == EvidenceOutcome.Refused ? reason is not null : reason is null, $"{prefix}refusalReason",
            outcome == EvidenceOutcome.Refused ? $"A refusal gives its reason: {ContractJson.Names<RefusalReason>()}." : "Only a refusal has a reason.");
        valid &= errors.Check(outcomeOn is null || withdrawnOn is null, $"{prefix}withdrawnOn", "A request has an outcome or was withdrawn, not both.");
        if (body.Validate(errors, prefix) is not var (details, caseReference) || !valid)
        {
            return null;
        }

        var request = EvidenceRequest.Draft(id, office, details, cases.Of(office, caseReference), now, by);
        var steps = new List<(StepCommand Step, string Column)> { (new StepCommand(StepKind.Submission, submittedOn!.Value), "submittedOn") };
        if (acknowledgedOn is { } acknowledged)
        {
            steps.Add((new StepCommand(StepKind.Acknowledgement, acknowledged), "acknowledgedOn"));
        }

        if (outcomeOn is { } decided)
        {
            steps.Add((new StepCommand(StepKind.Outcome, decided, outcome, reason), "outcomeOn"));
        }

        if (withdrawnOn is { } withdrawn)
        {
            steps.Add((new StepCommand(StepKind.Withdrawal, withdrawn), "withdrawnOn"));
        }

        var events = new List<Contracts.IIntegrationEvent>();
        foreach (var (step, column) in steps)
        {
            var result = request.Record(step, today, now, by, deadlines, errors, $"{prefix}{column}");
            if (result.Request is null)
            {
                return null;
            }

            request = result.Request;
            events.Add(result.Event!);
        }

        return new ImportedRow(request, events);
    }

    /// <summary>An enum column by its wire name; an unknown name is named with the allowed ones.</summary>
    private static TEnum? Enum<TEnum>(Dictionary<string, string?> values, string column, string prefix, ValidationErrors errors, ref bool valid)
        where TEnum : struct, Enum
    {
        if (values.GetValueOrDefault(column) is not { } text)
        {
            return null;
        }

        if (ContractJson.TryParse<TEnum>(text, out var parsed))
        {
            return parsed;
        }

        valid = false;
        errors.Add($"{prefix}{column}", $"'{text}' is not one of: {ContractJson.Names<TEnum>()}.");
        return null;
    }

    private static DateOnly? Day(Dictionary<string, string?> values, string column, string prefix, ValidationErrors errors, ref bool valid)
    {
        if (values.GetValueOrDefault(column) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        valid = false;
        errors.Add($"{prefix}{column}", $"'{text}' is not a day (ISO 8601, e.g. 2020-03-02).");
        return null;
    }
}
