using Cybercrime.Contracts.Training;

namespace Cybercrime.Contracts.Evidence;

/// <summary>
/// An evidence request as it stands after the event: metadata only, never evidence. The addressee is
/// a <see cref="Provider"/> or, for mutual legal assistance, a <see cref="State"/> (ISO 3166-1
/// alpha-3), never both. The case reference never travels: <see cref="CaseKey"/> is its HMAC under the
/// deployment's secret, the same for every request of one case of one office. Dates are the days the
/// steps happened; <see cref="DueOn"/> is the last day before the request is overdue.
/// </summary>
public sealed record EvidenceRequestSnapshot(
    string RequestingCountry,
    AgencyType RequestingAgency,
    EvidenceProvider? Provider,
    string? State,
    EvidenceRequestType RequestType,
    CrimeCategory CrimeCategory,
    EvidencePriority Priority,
    string CaseKey,
    EvidenceRequestStatus Status,
    DateOnly? SubmittedOn,
    DateOnly? AcknowledgedOn,
    DateOnly? DueOn,
    DateOnly? LapsesOn,
    EvidenceOutcome? Outcome,
    RefusalReason? RefusalReason,
    DateOnly? ClosedOn,
    bool Overdue);

/// <summary>Events whose aggregate is an evidence request. Drafts raise none: they count nowhere.</summary>
public interface IEvidenceRequestEvent : IIntegrationEvent
{
    Guid RequestId { get; }

    EvidenceRequestSnapshot Request { get; }
}

[EventName("evidence.request-submitted")]
public sealed record EvidenceRequestSubmitted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.request-acknowledged")]
public sealed record EvidenceRequestAcknowledged(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.information-requested")]
public sealed record EvidenceInformationRequested(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.information-answered")]
public sealed record EvidenceInformationAnswered(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.request-completed")]
public sealed record EvidenceRequestCompleted(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.request-withdrawn")]
public sealed record EvidenceRequestWithdrawn(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.request-overdue")]
public sealed record EvidenceRequestOverdue(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.preservation-extended")]
public sealed record EvidencePreservationExtended(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

[EventName("evidence.preservation-lapsed")]
public sealed record EvidencePreservationLapsed(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}

/// <summary>
/// The request as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("evidence.request-restated")]
public sealed record EvidenceRequestRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid RequestId, long Version, EvidenceRequestSnapshot Request)
    : IEvidenceRequestEvent
{
    Guid IIntegrationEvent.AggregateId => RequestId;
}
