using System.Text.Json.Serialization;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Evidence.Requests;

/// <summary>
/// A request for electronic evidence, from draft to outcome: the aggregate behind the evidence events.
/// Metadata only. Besides what the office says it keeps what the store filters on (addressee, year
/// submitted, whether it is overdue now) and <see cref="WatchOn"/>, the day the overdue watch must look
/// at it next. Every change goes through <see cref="Become"/>, which keeps those in step.
/// </summary>
internal sealed partial record EvidenceRequest : IDocument
{
    /// <summary>Who records what the service notices itself: a request falling overdue, a preservation lapsing.</summary>
    public const string System = "system";

    /// <summary>A preservation holds this many days after acknowledgement, or after its last extension.</summary>
    public const int PreservationDays = 90;

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required RequestDetails Details { get; init; }

    /// <summary>The HMAC of the case reference (<see cref="CaseKeys"/>); the reference itself is never kept.</summary>
    public required string CaseKey { get; init; }

    public required EvidenceRequestStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateOnly? SubmittedOn { get; init; }

    public DateOnly? AcknowledgedOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateOnly? LapsesOn { get; init; }

    public EvidenceOutcome? Outcome { get; init; }

    public RefusalReason? RefusalReason { get; init; }

    /// <summary>The day of the outcome, withdrawal or lapse.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Where a lapsed preservation stood when it lapsed: a step dated before the lapse takes it up from there.</summary>
    public EvidenceRequestStatus? LapsedFrom { get; init; }

    /// <summary>Whether the request has fallen overdue (raised once, kept once closed).</summary>
    public bool Overdue { get; init; }

    public IReadOnlyList<RequestStep> History { get; init; } = [];

    /// <summary>A deleted draft, kept as a tombstone: it raised no event, and no route shows it again.</summary>
    public bool Deleted { get; init; }

    // Kept by Become for the store's filters.
    public string Addressee { get; init; } = "";

    public int? SubmittedYear { get; init; }

    public bool OverdueNow { get; init; }

    public DateOnly? WatchOn { get; init; }

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    /// <summary>Submitted and neither completed, withdrawn nor lapsed.</summary>
    [JsonIgnore]
    public bool IsOpen => Status is EvidenceRequestStatus.Submitted or EvidenceRequestStatus.Acknowledged or EvidenceRequestStatus.InformationRequested;

    /// <summary>The day of the last step an office recorded: the next may not be dated before it.</summary>
    [JsonIgnore]
    public DateOnly? LastStepOn => History.LastOrDefault(s => s.IsRecorded)?.On;

    public static EvidenceRequest Draft(string id, string office, RequestDetails details, string caseKey, DateTimeOffset now, string by) => new EvidenceRequest
    {
        Id = id,
        Version = 1,
        Office = office,
        Details = details,
        CaseKey = caseKey,
        Status = EvidenceRequestStatus.Draft,
        CreatedAt = now,
        History = [new RequestStep(StepKind.Drafted, null, now, by)],
    }.Kept();

    public EvidenceRequest Amend(RequestDetails details, string caseKey, DateTimeOffset now, string by) =>
        Become(new RequestStep(StepKind.Amended, null, now, by)) with { Details = details, CaseKey = caseKey };

    /// <summary>The draft deleted: only a draft may be, since nothing has been published about it.</summary>
    public EvidenceRequest Delete(DateTimeOffset now, string by) => Become(new RequestStep(StepKind.Deleted, null, now, by)) with { Deleted = true };

    /// <summary>The request at its next version with <paramref name="step"/> in its history.</summary>
    private EvidenceRequest Become(RequestStep step) => this with { Version = Version + 1, History = [.. History, step] };

    /// <summary>Derived fields, recomputed after every change.</summary>
    private EvidenceRequest Kept() => this with
    {
        Addressee = Details.Addressee,
        SubmittedYear = SubmittedOn?.Year,
        OverdueNow = Overdue && IsOpen,
        WatchOn = IsOpen ? Earliest(Overdue ? null : DueOn?.AddDays(1), LapsesOn) : null,
    };

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public EvidenceRequestSnapshot Snapshot() => new(
        Details.RequestingCountry, Details.RequestingAgency, Details.Provider, Details.State, Details.RequestType, Details.CrimeCategory,
        Details.Priority, CaseKey, Status, SubmittedOn, AcknowledgedOn, DueOn, LapsesOn, Outcome, RefusalReason, ClosedOn, Overdue);
}
