using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

/// <summary>What reporting knows of a session: its latest snapshot, keyed by its id and guarded by its version.</summary>
internal sealed class SessionFacts : IDocument
{
    public const string CollectionName = "training-sessions";

    /// <summary>The sessions held in a year, of an office or region.</summary>
    public static readonly string[] Indexes = ["endYear,cancelled,office"];

    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required ProgrammeRegion Region { get; init; }

    public required IReadOnlyList<TrainingTopic> Topics { get; init; }

    public required TrainingFormat Format { get; init; }

    public required DateOnly EndDate { get; init; }

    /// <summary>The reporting year: a session counts in the year it ends.</summary>
    public required int EndYear { get; init; }

    public string? HostCountry { get; init; }

    public required bool TrainTheTrainer { get; init; }

    public required bool Cancelled { get; init; }

    public IReadOnlyList<Headcount> Headcounts { get; init; } = [];

    public static SessionFacts From(ITrainingSessionEvent e) => new()
    {
        Id = e.SessionId.ToString(),
        Version = e.Version,
        Office = e.Office,
        Region = Offices.RegionOf(e.Office),
        Topics = e.Session.Topics,
        Format = e.Session.Format,
        EndDate = e.Session.EndDate,
        EndYear = e.Session.EndDate.Year,
        HostCountry = e.Session.HostCountry,
        TrainTheTrainer = e.Session.TrainTheTrainer,
        Cancelled = e.Session.Status == SessionStatus.Cancelled,
        Headcounts = e.Session.Headcounts,
    };
}
