using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

/// <summary>One participant in one session as it stands, keyed by the registration and guarded by its version.</summary>
internal sealed class ParticipationFacts : IDocument
{
    public const string CollectionName = "training-participations";

    /// <summary>Completions per session come from the first index alone; a person's completions from the second.</summary>
    public static readonly string[] Indexes = ["sessionId,status", "participantId"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string SessionId { get; init; }

    public required Guid ParticipantId { get; init; }

    public required Gender Gender { get; init; }

    public required string CountryCode { get; init; }

    public required AgencyType AgencyType { get; init; }

    public required EnrolmentStatus Status { get; init; }

    /// <summary>Took or is taking part: a place held and not a no-show.</summary>
    public static bool TakesPart(EnrolmentStatus status) => status is EnrolmentStatus.Registered or EnrolmentStatus.Attended or EnrolmentStatus.Completed;

    public static ParticipationFacts From(IParticipantEvent e) => new()
    {
        Id = e.RegistrationId.ToString(),
        Version = e.Version,
        Office = e.Office,
        SessionId = e.Participation.SessionId.ToString(),
        ParticipantId = e.Participation.ParticipantId,
        Gender = e.Participation.Gender,
        CountryCode = e.Participation.CountryCode,
        AgencyType = e.Participation.AgencyType,
        Status = e.Participation.Status,
    };
}
