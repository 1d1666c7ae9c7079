using System.Text.Json.Serialization;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

/// <summary>
/// One participant's place in one session: the aggregate behind the participant events. Its id is
/// derived from the session and the participant, so the same person has one registration per session.
/// </summary>
internal sealed record Registration : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string SessionId { get; init; }

    public required Guid ParticipantId { get; init; }

    /// <summary>The office's own reference for the person; it never leaves this service.</summary>
    public required string ExternalRef { get; init; }

    public required Gender Gender { get; init; }

    public required string CountryCode { get; init; }

    public required AgencyType AgencyType { get; init; }

    public string? Role { get; init; }

    public required EnrolmentStatus Status { get; init; }

    /// <summary>Where the participant stands in the waitlist; promotion takes the lowest first.</summary>
    public long? WaitlistPosition { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    /// <summary>Whether the registration holds one of the session's places.</summary>
    public static bool HoldsPlace(EnrolmentStatus status) =>
        status is EnrolmentStatus.Registered or EnrolmentStatus.Attended or EnrolmentStatus.Completed or EnrolmentStatus.NoShow;

    public static Registration New(TrainingSession session, ValidParticipant participant, Guid participantId, DateTimeOffset now) => new()
    {
        Id = ParticipantIdentity.Registration(session.Id, participantId).ToString(),
        Version = 0,
        Office = session.Office,
        SessionId = session.Id,
        ParticipantId = participantId,
        ExternalRef = participant.ExternalRef,
        Gender = participant.Gender,
        CountryCode = participant.CountryCode,
        AgencyType = participant.AgencyType,
        Role = participant.Role,
        Status = EnrolmentStatus.Cancelled,
        RegisteredAt = now,
        ChangedAt = now,
    };

    /// <summary>The registration in its next state, at its next version.</summary>
    public Registration Become(EnrolmentStatus status, DateTimeOffset now, long? waitlistPosition = null) =>
        this with { Version = Version + 1, Status = status, ChangedAt = now, WaitlistPosition = waitlistPosition };

    public ParticipationSnapshot Snapshot() =>
        new(Guid.Parse(SessionId), ParticipantId, Gender, CountryCode, AgencyType, Role, Status);
}

/// <summary>Participant details that passed validation.</summary>
internal sealed record ValidParticipant(string ExternalRef, Gender Gender, string CountryCode, AgencyType AgencyType, string? Role = null);
