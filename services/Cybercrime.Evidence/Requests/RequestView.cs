using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Evidence.Requests;

/// <summary>A history entry as the API shows it.</summary>
internal sealed record StepView(StepKind What, DateOnly? On, DateTimeOffset RecordedAt, string By);

/// <summary>A request as the API shows it; with its history when asked for one request. The case reference is never shown: it is not kept.</summary>
internal sealed record RequestView(
    string Id,
    string Office,
    EvidenceRequestStatus Status,
    string RequestingCountry,
    AgencyType RequestingAgency,
    AddresseeBody Addressee,
    EvidenceRequestType RequestType,
    CrimeCategory CrimeCategory,
    EvidencePriority Priority,
    string? LegalBasis,
    DateOnly? SubmittedOn,
    DateOnly? AcknowledgedOn,
    DateOnly? DueOn,
    DateOnly? LapsesOn,
    EvidenceOutcome? Outcome,
    RefusalReason? RefusalReason,
    DateOnly? ClosedOn,
    bool Overdue,
    IReadOnlyList<StepView>? History = null)
{
    public static RequestView Of(EvidenceRequest r, bool withHistory = false) => new(
        r.Id, r.Office, r.Status, r.Details.RequestingCountry, r.Details.RequestingAgency, new AddresseeBody(r.Details.Provider, r.Details.State),
        r.Details.RequestType, r.Details.CrimeCategory, r.Details.Priority, r.Details.LegalBasis, r.SubmittedOn, r.AcknowledgedOn, r.DueOn,
        r.LapsesOn, r.Outcome, r.RefusalReason, r.ClosedOn, r.OverdueNow,
        withHistory ? [.. r.History.Select(s => new StepView(s.What, s.On, s.RecordedAt, s.By))] : null);
}
