using Cybercrime.Contracts.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>Builds training events as the training service would raise them.</summary>
internal static class TrainingFacts
{
    private static readonly DateTimeOffset At = new(2020, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static TrainingSessionScheduled Session(
        DateOnly end, TrainingTopic[] topics, string office = "GUA", TrainingFormat format = TrainingFormat.Online, bool trainTheTrainer = false) => new(
        Guid.NewGuid(), At, office, Guid.NewGuid(), 1, new TrainingSessionSnapshot(
            "Session", topics, format, ["es"], end.AddDays(-2), end, null, [], [], null, trainTheTrainer, SessionStatus.Scheduled, []));

    public static TrainingSessionCancelled Cancelled(TrainingSessionScheduled s, long version = 5) =>
        new(Guid.NewGuid(), At, s.Office, s.SessionId, version, s.Session with { Status = SessionStatus.Cancelled });

    public static HeadcountRecorded Headcount(TrainingSessionScheduled s, long version, params Headcount[] counts) =>
        new(Guid.NewGuid(), At, s.Office, s.SessionId, version, s.Session with { Headcounts = counts });

    /// <summary>One registration's events, each carrying the registration as it then stood.</summary>
    public sealed record Participant(TrainingSessionScheduled Session, Guid RegistrationId, ParticipationSnapshot Registered)
    {
        public ParticipantRegistered Registration => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 1, Registered);

        public ParticipantWaitlisted Waitlisting => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 1, Registered with { Status = EnrolmentStatus.Waitlisted });

        public ParticipantPromoted Promotion => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 2, Registered);

        public ParticipantAttended Attendance => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 3, Registered with { Status = EnrolmentStatus.Attended });

        public ParticipantCompleted Completion => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 4, Registered with { Status = EnrolmentStatus.Completed });

        public ParticipantCancelled Cancellation => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 4, Registered with { Status = EnrolmentStatus.Cancelled });

        public ParticipantNoShow NoShow => new(Guid.NewGuid(), At, Session.Office, RegistrationId, 4, Registered with { Status = EnrolmentStatus.NoShow });
    }

    public static Participant In(
        TrainingSessionScheduled session, Guid person, Gender gender = Gender.Female, string country = "GTM", AgencyType agency = AgencyType.LawEnforcement) =>
        new(session, Guid.NewGuid(), new ParticipationSnapshot(session.SessionId, person, gender, country, agency, null, EnrolmentStatus.Registered));
}
