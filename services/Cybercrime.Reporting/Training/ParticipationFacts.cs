using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

/// <summary>One participant in one session, keyed by the registration and guarded by its version.</summary>
internal sealed class ParticipationFacts : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string SessionId { get; init; }

    public required Guid ParticipantId { get; init; }

    public required Gender Gender { get; init; }

    public required string CountryCode { get; init; }

    public required AgencyType AgencyType { get; init; }

    public required bool Completed { get; init; }

    public static ParticipationFacts From(ParticipantRegistered e) =>
        Create(e.RegistrationId, e.Version, e.Office, e.SessionId, e.ParticipantId, e.Gender, e.CountryCode, e.AgencyType, completed: false);

    public static ParticipationFacts From(ParticipantCompleted e) =>
        Create(e.RegistrationId, e.Version, e.Office, e.SessionId, e.ParticipantId, e.Gender, e.CountryCode, e.AgencyType, completed: true);

    private static ParticipationFacts Create(
        Guid registrationId, long version, string office, Guid sessionId, Guid participantId, Gender gender, string country, AgencyType agency, bool completed) => new()
    {
        Id = registrationId.ToString(),
        Version = version,
        Office = office,
        SessionId = sessionId.ToString(),
        ParticipantId = participantId,
        Gender = gender,
        CountryCode = country,
        AgencyType = agency,
        Completed = completed,
    };
}
