using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

/// <summary>A training session an office runs: the aggregate behind the session events.</summary>
internal sealed class TrainingSession : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<TrainingTopic> Topics { get; init; }

    public required TrainingFormat Format { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public string? HostCountry { get; init; }

    public static (TrainingSession Session, TrainingSessionScheduled Scheduled) Schedule(
        string office, ValidSession details, DateTimeOffset now)
    {
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Version = 1,
            Office = office,
            Title = details.Title,
            Topics = details.Topics,
            Format = details.Format,
            Languages = details.Languages,
            StartDate = details.StartDate,
            EndDate = details.EndDate,
            HostCountry = details.HostCountry,
        };
        var scheduled = new TrainingSessionScheduled(
            Guid.NewGuid(), now, office, Guid.Parse(session.Id), session.Version, session.Title, session.Topics, session.Format,
            session.Languages, session.StartDate, session.EndDate, session.HostCountry);
        return (session, scheduled);
    }
}

/// <summary>Session details that passed validation.</summary>
internal sealed record ValidSession(
    string Title,
    IReadOnlyList<TrainingTopic> Topics,
    TrainingFormat Format,
    IReadOnlyList<string> Languages,
    DateOnly StartDate,
    DateOnly EndDate,
    string? HostCountry);
