using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

/// <summary>
/// One row of a registration file: who, and how far they got. An office back-records a session it has
/// held from its course platform's list (<c>status</c> <c>attended</c> or <c>completed</c>); without the
/// column, or left blank, a row registers.
/// </summary>
internal sealed record ImportedRow(int Line, ValidParticipant Participant, EnrolmentStatus Status)
{
    public static readonly EnrolmentStatus[] Statuses = [EnrolmentStatus.Registered, EnrolmentStatus.Attended, EnrolmentStatus.Completed];

    /// <summary>The column's value, or null (the row's problem added) when it is none of <see cref="Statuses"/>.</summary>
    public static EnrolmentStatus? StatusOf(CsvRow row, ValidationErrors errors)
    {
        var value = row["status"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return EnrolmentStatus.Registered;
        }

        return ContractJson.TryParse<EnrolmentStatus>(value.Trim(), out var status) && Statuses.Contains(status)
            ? status
            : Refuse(errors, $"{row.Field}.status", $"'{value}' is not a status a file records: {string.Join(", ", Statuses.Select(s => ContractJson.Name(s)))}.");
    }

    /// <summary>
    /// The steps that take a registration in <paramref name="current"/> to this row's status: none when it
    /// is there or further already (a file imported again changes nothing), null (the problem added) when
    /// it cannot get there: waitlisted in a full session, a no-show, or a session that has not started.
    /// </summary>
    public EnrolmentAction[]? StepsFrom(EnrolmentStatus current, TrainingSession session, DateOnly today, ValidationErrors errors)
    {
        var field = $"rows[{Line}].status";
        if (Status == EnrolmentStatus.Registered)
        {
            return [];
        }

        if (current == EnrolmentStatus.NoShow)
        {
            return Refuse<EnrolmentAction[]>(errors, field, $"The participant is recorded as a no-show; {ContractJson.Name(Status)} cannot be recorded.");
        }

        if (current == Status || current == EnrolmentStatus.Completed)
        {
            return [];
        }

        if (session.Details.StartDate > today)
        {
            return Refuse<EnrolmentAction[]>(errors, field,
                $"The session starts on {session.Details.StartDate:yyyy-MM-dd}: {ContractJson.Name(Status)} cannot be recorded before it has begun.");
        }

        return current == EnrolmentStatus.Waitlisted
            ? Refuse<EnrolmentAction[]>(errors, field, $"The session is full: a waitlisted participant cannot be recorded as {ContractJson.Name(Status)}.")
            : Status == EnrolmentStatus.Attended ? [EnrolmentAction.Attendance] : [EnrolmentAction.Completion];
    }

    private static T? Refuse<T>(ValidationErrors errors, string field, string message) where T : class
    {
        errors.Add(field, message);
        return null;
    }

    private static EnrolmentStatus? Refuse(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
