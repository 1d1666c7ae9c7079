using System.Globalization;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Http;

namespace Cybercrime.Evidence.Requests;

/// <summary>A step an office records: what, the day it happened, and for an outcome which one.</summary>
internal sealed record StepCommand(StepKind Kind, DateOnly On, EvidenceOutcome? Outcome = null, RefusalReason? RefusalReason = null);

/// <summary>The request after a step and the event it raised, or the problem that refused it.</summary>
internal sealed record StepResult(EvidenceRequest? Request, IEvidenceRequestEvent? Event, IResult? Refusal);

internal sealed partial record EvidenceRequest
{
    private static readonly Dictionary<StepKind, EvidenceRequestStatus[]> AllowedFrom = new()
    {
        [StepKind.Submission] = [EvidenceRequestStatus.Draft],
        [StepKind.Acknowledgement] = [EvidenceRequestStatus.Submitted],
        [StepKind.InformationRequest] = [EvidenceRequestStatus.Submitted, EvidenceRequestStatus.Acknowledged],
        [StepKind.Answer] = [EvidenceRequestStatus.InformationRequested],
        [StepKind.Outcome] = [EvidenceRequestStatus.Submitted, EvidenceRequestStatus.Acknowledged, EvidenceRequestStatus.InformationRequested],
        [StepKind.Withdrawal] = [EvidenceRequestStatus.Submitted, EvidenceRequestStatus.Acknowledged, EvidenceRequestStatus.InformationRequested],
        [StepKind.Extension] = [EvidenceRequestStatus.Acknowledged, EvidenceRequestStatus.InformationRequested],
    };

    /// <summary>
    /// Records <paramref name="step"/>: 409 naming the current state when the request cannot take it, 400 on
    /// <c>on</c> when it is dated in the future (after <paramref name="today"/>) or before the previous step.
    /// </summary>
    public StepResult Record(StepCommand step, DateOnly today, DateTimeOffset now, string by, Deadlines deadlines) =>
        Record(step, today, now, by, deadlines, new ValidationErrors(), "on");

    /// <summary>As above, with the day's problems added to <paramref name="errors"/> under <paramref name="onField"/> (an import names the row's column).</summary>
    public StepResult Record(StepCommand step, DateOnly today, DateTimeOffset now, string by, Deadlines deadlines, ValidationErrors errors, string onField)
    {
        // Steps are recorded after the fact: one that happened before the preservation lapsed finds it as it stood then.
        if (Status == EvidenceRequestStatus.Lapsed && step.On < LapsesOn && LapsedFrom is { } before)
        {
            return (this with { Status = before, ClosedOn = null, LapsedFrom = null }).Kept().Record(step, today, now, by, deadlines, errors, onField);
        }

        if (!AllowedFrom[step.Kind].Contains(Status) || (step.Kind == StepKind.Extension && AcknowledgedOn is null))
        {
            return Refuse(Problems.Conflict($"A request that is {Name(Status)} cannot take a {Name(step.Kind)}.", Status));
        }

        if (step.Kind == StepKind.Extension && Details.RequestType != EvidenceRequestType.Preservation)
        {
            return Refuse(Problems.Conflict("Only a preservation request is extended.", Status));
        }

        var valid = errors.Check(step.On <= today, onField, $"The day {Day(step.On)} is in the future; a step is recorded once it has happened.");
        valid &= errors.Check(LastStepOn is not { } last || step.On >= last, onField, $"The day {Day(step.On)} is before the previous step, on {Day(LastStepOn)}.");
        valid &= errors.Check(step.Kind != StepKind.Extension || step.On < LapsesOn, onField, $"The preservation lapsed on {Day(LapsesOn)}; an extension dated {Day(step.On)} comes too late.");
        valid &= errors.Check(ReportingYears.Contains(step.On), onField, $"The day must fall in the reporting years {ReportingYears.First} to {ReportingYears.Last}.");
        if (!valid)
        {
            return Refuse(errors.ToResult());
        }

        var next = Become(new RequestStep(step.Kind, step.On, now, by));
        next = (step.Kind switch
        {
            StepKind.Submission => next with { Status = EvidenceRequestStatus.Submitted, SubmittedOn = step.On, DueOn = deadlines.DueOn(Details, step.On) },
            StepKind.Acknowledgement => next with { Status = EvidenceRequestStatus.Acknowledged, AcknowledgedOn = step.On, LapsesOn = Preserved(step.On) },
            StepKind.InformationRequest => next with { Status = EvidenceRequestStatus.InformationRequested },
            StepKind.Answer => next with { Status = AcknowledgedOn is null ? EvidenceRequestStatus.Submitted : EvidenceRequestStatus.Acknowledged },
            StepKind.Outcome => next with { Status = EvidenceRequestStatus.Completed, Outcome = step.Outcome, RefusalReason = step.RefusalReason, ClosedOn = step.On },
            StepKind.Withdrawal => next with { Status = EvidenceRequestStatus.Withdrawn, ClosedOn = step.On },
            _ => next with { LapsesOn = step.On.AddDays(PreservationDays) },
        }).Kept();
        IEvidenceRequestEvent raised = step.Kind switch
        {
            StepKind.Submission => new EvidenceRequestSubmitted(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            StepKind.Acknowledgement => new EvidenceRequestAcknowledged(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            StepKind.InformationRequest => new EvidenceInformationRequested(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            StepKind.Answer => new EvidenceInformationAnswered(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            StepKind.Outcome => new EvidenceRequestCompleted(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            StepKind.Withdrawal => new EvidenceRequestWithdrawn(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
            _ => new EvidencePreservationExtended(Guid.NewGuid(), now, Office, Key, next.Version, next.Snapshot()),
        };
        return new StepResult(next, raised, null);
    }

    /// <summary>
    /// What the overdue watch finds on <paramref name="today"/>: the request falling overdue (once: the
    /// day after its due date, with no outcome), its preservation lapsing, both, or nothing (null).
    /// A preservation that lapses by its due date lapses without falling overdue.
    /// </summary>
    public (EvidenceRequest Request, IReadOnlyList<IEvidenceRequestEvent> Events)? Watch(DateOnly today, DateTimeOffset now)
    {
        if (WatchOn is not { } watch || watch > today)
        {
            return null;
        }

        var current = this;
        var events = new List<IEvidenceRequestEvent>();
        if (!Overdue && DueOn < today && !(LapsesOn <= DueOn))
        {
            current = current.Become(new RequestStep(StepKind.Overdue, DueOn!.Value.AddDays(1), now, System)) with { Overdue = true };
            current = current.Kept();
            events.Add(new EvidenceRequestOverdue(Guid.NewGuid(), now, Office, Key, current.Version, current.Snapshot()));
        }

        if (LapsesOn <= today)
        {
            current = current.Become(new RequestStep(StepKind.Lapse, LapsesOn, now, System)) with { Status = EvidenceRequestStatus.Lapsed, ClosedOn = LapsesOn, LapsedFrom = Status };
            current = current.Kept();
            events.Add(new EvidencePreservationLapsed(Guid.NewGuid(), now, Office, Key, current.Version, current.Snapshot()));
        }

        return events.Count == 0 ? null : (current, events);
    }

    private DateOnly? Preserved(DateOnly acknowledgedOn) =>
        Details.RequestType == EvidenceRequestType.Preservation ? acknowledgedOn.AddDays(PreservationDays) : null;

    private static StepResult Refuse(IResult problem) => new(null, null, problem);

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Contracts.ContractJson.Name(value);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
