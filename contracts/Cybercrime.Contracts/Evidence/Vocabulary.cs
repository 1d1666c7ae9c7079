namespace Cybercrime.Contracts.Evidence;

/// <summary>The service providers offices ask directly for electronic evidence.</summary>
public enum EvidenceProvider
{
    Facebook,
    Instagram,
    Whatsapp,
    Microsoft,
    Google,
    Apple,
    Telegram,
    Tiktok,
    X,
    Other,
}

/// <summary>What a request asks for, from keeping data to disclosing it.</summary>
public enum EvidenceRequestType
{
    Preservation,
    SubscriberInformation,
    TrafficData,
    ContentData,
    EmergencyDisclosure,
}

/// <summary>The crime a request is about.</summary>
public enum CrimeCategory
{
    Ocsea,
    SexualExploitationOfAdults,
    Fraud,
    Ransomware,
    OtherCyberDependent,
    Other,
}

/// <summary>Emergency: a child or a life at risk.</summary>
public enum EvidencePriority
{
    Standard,
    Emergency,
}

/// <summary>
/// Where a request stands: draft → submitted → (acknowledged) → (information-requested ⇄ answered)
/// → completed with an outcome, or withdrawn; a preservation request lapses when its time runs out.
/// </summary>
public enum EvidenceRequestStatus
{
    Draft,
    Submitted,
    Acknowledged,
    InformationRequested,
    Completed,
    Withdrawn,
    Lapsed,
}

public enum EvidenceOutcome
{
    Fulfilled,
    PartiallyFulfilled,
    Refused,
}

/// <summary>Why a provider or state refused a request.</summary>
public enum RefusalReason
{
    InsufficientInformation,
    NoDataHeld,
    LegalGrounds,
    Jurisdiction,
    DataExpired,
    Other,
}
