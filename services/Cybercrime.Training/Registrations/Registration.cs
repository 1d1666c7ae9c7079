using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

internal enum RegistrationStatus
{
    Registered,
    Completed,
}

/// <summary>
/// One participant's place in one session: the aggregate behind the participant events. Its id is
/// derived from the session and the participant, so registering the same person twice collides.
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

    public required RegistrationStatus Status { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public static (Registration Registration, ParticipantRegistered Registered) Register(
        TrainingSession session, ValidParticipant participant, DateTimeOffset now)
    {
        var participantId = ParticipantIdentity.Of(session.Office, participant.ExternalRef);
        var registration = new Registration
        {
            Id = ParticipantIdentity.Registration(session.Id, participantId).ToString(),
            Version = 1,
            Office = session.Office,
            SessionId = session.Id,
            ParticipantId = participantId,
            ExternalRef = participant.ExternalRef,
            Gender = participant.Gender,
            CountryCode = participant.CountryCode,
            AgencyType = participant.AgencyType,
            Status = RegistrationStatus.Registered,
            RegisteredAt = now,
        };
        var registered = new ParticipantRegistered(
            Guid.NewGuid(), now, registration.Office, Guid.Parse(registration.Id), registration.Version, Guid.Parse(session.Id),
            participantId, registration.Gender, registration.CountryCode, registration.AgencyType);
        return (registration, registered);
    }

    /// <summary>Completes a registered participant; null when the current status does not allow it.</summary>
    public (Registration Registration, ParticipantCompleted Completed)? Complete(DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Registered)
        {
            return null;
        }

        var completed = this with { Version = Version + 1, Status = RegistrationStatus.Completed, CompletedAt = now };
        var @event = new ParticipantCompleted(
            Guid.NewGuid(), now, Office, Guid.Parse(Id), completed.Version, Guid.Parse(SessionId),
            ParticipantId, Gender, CountryCode, AgencyType);
        return (completed, @event);
    }
}

/// <summary>Participant details that passed validation.</summary>
internal sealed record ValidParticipant(string ExternalRef, Gender Gender, string CountryCode, AgencyType AgencyType);
