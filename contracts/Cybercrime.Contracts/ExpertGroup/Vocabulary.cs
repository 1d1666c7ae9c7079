namespace Cybercrime.Contracts.ExpertGroup;

/// <summary>The intergovernmental bodies the secretariat serves.</summary>
public enum MeetingBody
{
    ExpertGroup,
    AdHocCommittee,
}

public enum MeetingFormat
{
    InPerson,
    Online,
    Hybrid,
}

/// <summary>A postponed meeting is scheduled again at its new dates; its earlier dates stay in its history.</summary>
public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>The comprehensive study's chapters 3 to 8, which meetings discuss and recommendations address.</summary>
public enum StudyChapter
{
    LegislationAndFrameworks,
    Criminalization,
    LawEnforcementAndInvestigations,
    ElectronicEvidenceAndCriminalJustice,
    InternationalCooperation,
    Prevention,
}

public enum DocumentType
{
    Report,
    PreliminaryRecommendations,
    BackgroundPaper,
    MemberStateComments,
    Study,
    ResearchPublication,
    Note,
    Agenda,
}

public enum DocumentStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>From the Rapporteur's preliminary list to the consolidated list the Group adopts.</summary>
public enum RecommendationStatus
{
    Preliminary,
    Adopted,
    Withdrawn,
}

/// <summary>The six official languages of the United Nations, as ISO 639-1 codes.</summary>
public static class UnLanguages
{
    public static readonly IReadOnlyList<string> All = ["ar", "zh", "en", "fr", "ru", "es"];

    public static bool Contains(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
