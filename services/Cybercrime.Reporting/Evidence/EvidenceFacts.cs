using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Evidence;

/// <summary>How a request ended, as the summary counts it.</summary>
internal enum EvidenceClosure
{
    Fulfilled,
    PartiallyFulfilled,
    Refused,
    Withdrawn,
    Lapsed,
}

/// <summary>
/// What reporting knows of a submitted evidence request: its latest snapshot reduced to what the figures
/// read, keyed by the request and guarded by its version. The case is its keyed hash, never the reference.
/// </summary>
internal sealed class EvidenceFacts : IDocument
{
    public const string CollectionName = "evidence-requests";

    /// <summary>A year's requests (of an office, of a requesting country); the open ones past a day; those that ended one way.</summary>
    public static readonly string[] Indexes = ["submittedYear,office", "requestingCountry", "open,dueOn", "closure"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string RequestingCountry { get; init; }

    /// <summary>A provider's wire name (<c>facebook</c>) or a state's code (<c>USA</c>).</summary>
    public required string Addressee { get; init; }

    public required EvidenceRequestType RequestType { get; init; }

    public required CrimeCategory CrimeCategory { get; init; }

    public required EvidencePriority Priority { get; init; }

    public required string CaseKey { get; init; }

    /// <summary>The reporting year: a request counts in the year it was submitted.</summary>
    public required int SubmittedYear { get; init; }

    public required bool Open { get; init; }

    public DateOnly? DueOn { get; init; }

    public EvidenceClosure? Closure { get; init; }

    /// <summary>Whole days from submission to outcome; none for requests without one (open, withdrawn, lapsed).</summary>
    public int? TurnaroundDays { get; init; }

    public static EvidenceFacts From(IEvidenceRequestEvent e)
    {
        var r = e.Request;
        var submitted = r.SubmittedOn ?? throw new InvalidOperationException($"Evidence request {e.RequestId} v{e.Version} carries no submission day.");
        return new EvidenceFacts
        {
            Id = e.RequestId.ToString(),
            Version = e.Version,
            Office = e.Office,
            RequestingCountry = r.RequestingCountry,
            Addressee = r.Provider is { } provider ? ContractJson.Name(provider) : r.State!,
            RequestType = r.RequestType,
            CrimeCategory = r.CrimeCategory,
            Priority = r.Priority,
            CaseKey = r.CaseKey,
            SubmittedYear = submitted.Year,
            Open = r.Status is EvidenceRequestStatus.Submitted or EvidenceRequestStatus.Acknowledged or EvidenceRequestStatus.InformationRequested,
            DueOn = r.DueOn,
            Closure = r.Status switch
            {
                EvidenceRequestStatus.Completed => r.Outcome switch
                {
                    EvidenceOutcome.Fulfilled => EvidenceClosure.Fulfilled,
                    EvidenceOutcome.PartiallyFulfilled => EvidenceClosure.PartiallyFulfilled,
                    _ => EvidenceClosure.Refused,
                },
                EvidenceRequestStatus.Withdrawn => EvidenceClosure.Withdrawn,
                EvidenceRequestStatus.Lapsed => EvidenceClosure.Lapsed,
                _ => null,
            },
            TurnaroundDays = r.Status == EvidenceRequestStatus.Completed && r.ClosedOn is { } closed ? closed.DayNumber - submitted.DayNumber : null,
        };
    }
}
