using Cybercrime.Contracts.Training;

namespace Cybercrime.Training.Sessions;

/// <summary>A session as the API shows it, with its places and, when asked for one session, its enrolments by status.</summary>
internal sealed record SessionView(
    string Id,
    string Office,
    string Title,
    IReadOnlyList<TrainingTopic> Topics,
    TrainingFormat Format,
    IReadOnlyList<string> Languages,
    DateOnly StartDate,
    DateOnly EndDate,
    string? HostCountry,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<string> Partners,
    int? Capacity,
    bool TrainTheTrainer,
    SessionStatus Status,
    int PlacesTaken,
    int Waitlisted,
    IReadOnlyList<Headcount> Headcounts,
    IReadOnlyDictionary<EnrolmentStatus, int>? Enrolments = null)
{
    public static SessionView Of(TrainingSession s, IReadOnlyDictionary<EnrolmentStatus, int>? enrolments = null) => new(
        s.Id, s.Office, s.Details.Title, s.Details.Topics, s.Details.Format, s.Details.Languages, s.Details.StartDate, s.Details.EndDate,
        s.Details.HostCountry, s.Details.Audiences, s.Details.Partners, s.Details.Capacity, s.Details.TrainTheTrainer, s.Status,
        s.PlacesTaken, s.Waitlisted, s.Headcounts, enrolments);
}
