using Cybercrime.Contracts.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>Builds training events as the training service would raise them.</summary>
internal static class TrainingFacts
{
    private static readonly DateTimeOffset At = new(2020, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static TrainingSessionScheduled Session(DateOnly end, params TrainingTopic[] topics) => new(
        Guid.NewGuid(), At, "GUA", Guid.NewGuid(), 1, "Session", topics, TrainingFormat.Online, ["es"], end.AddDays(-2), end, null);

    public static (ParticipantRegistered Registered, ParticipantCompleted Completed) Participant(
        TrainingSessionScheduled session, Guid person, Gender gender = Gender.Female, string country = "GTM", AgencyType agency = AgencyType.LawEnforcement)
    {
        var registrationId = Guid.NewGuid();
        return (
            new ParticipantRegistered(Guid.NewGuid(), At, session.Office, registrationId, 1, session.SessionId, person, gender, country, agency),
            new ParticipantCompleted(Guid.NewGuid(), At, session.Office, registrationId, 2, session.SessionId, person, gender, country, agency));
    }
}
