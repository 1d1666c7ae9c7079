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
