using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

/// <summary>What reporting knows of a session, keyed by its id and guarded by its version.</summary>
internal sealed class SessionFacts : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required IReadOnlyList<TrainingTopic> Topics { get; init; }

    public required TrainingFormat Format { get; init; }

    public required DateOnly EndDate { get; init; }

    /// <summary>The reporting year: a session counts in the year it ends.</summary>
    public required int EndYear { get; init; }

    public string? HostCountry { get; init; }

    public static SessionFacts From(TrainingSessionScheduled e) => new()
    {
        Id = e.SessionId.ToString(),
        Version = e.Version,
        Office = e.Office,
        Topics = e.Topics,
        Format = e.Format,
        EndDate = e.EndDate,
        EndYear = e.EndDate.Year,
        HostCountry = e.HostCountry,
    };
}
