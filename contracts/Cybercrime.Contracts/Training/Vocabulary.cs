namespace Cybercrime.Contracts.Training;

/// <summary>What a training covers (the topics the annual report lists).</summary>
public enum TrainingTopic
{
    Ocsea,
    SpecialisedHardwareSoftware,
    DigitalEvidence,
    DigitalForensics,
    Osint,
    InternationalCooperation,
    CybercrimeLegislation,
    ThreatIntelligence,
    Cryptocurrency,
    DarknetInvestigations,
    WildlifeCrime,
    MalwareInvestigations,
    MobileForensics,
    DueProcess,
    IncidentResponse,
    Prevention,
    HumanRights,
}

public enum TrainingFormat
{
    InPerson,
    Online,
    Hybrid,
    Webinar,
    MultiWeekCourse,
    Conference,
    AssessmentMission,
}

public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}

/// <summary>The kind of institution a participant works for.</summary>
public enum AgencyType
{
    LawEnforcement,
    Prosecution,
    Judiciary,
    CentralBank,
    FinancialIntelligenceUnit,
    Education,
    Government,
    PrivateSector,
    CivilSociety,
    InternationalOrganisation,
    Other,
}

/// <summary>Who a session is meant for.</summary>
public enum Audience
{
    LawEnforcement,
    Prosecutors,
    Judges,
    CentralBank,
    FinancialIntelligenceUnit,
    Teachers,
    ItStaff,
    Government,
    CivilSociety,
    GeneralPublic,
}

public enum SessionStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// Where a participant stands: registered → (waitlisted while full, promoted in order when a place
/// frees) → attended → completed, or cancelled / no-show.
/// </summary>
public enum EnrolmentStatus
{
    Registered,
    Waitlisted,
    Attended,
    Completed,
    Cancelled,
    NoShow,
}
