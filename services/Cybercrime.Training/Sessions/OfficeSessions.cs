using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Training.Sessions;

/// <summary>
/// How many sessions an office has scheduled, cancelled ones included (sessions are never deleted), kept
/// in the same commit as each scheduling so that a page of the office's sessions gets its total in one read.
/// Its id is the office's code.
/// </summary>
internal sealed record OfficeSessions : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required long Scheduled { get; init; }

    /// <summary>
    /// The office's count, or for an office whose sessions were all scheduled before the count was kept,
    /// one counted from the <c>office</c> index (inside a command it is exact: every scheduling since
    /// saves this document, so one committed meanwhile makes the command's commit conflict).
    /// </summary>
    public static async Task<OfficeSessions> OfAsync(TrainingStore training, string office, CancellationToken cancellationToken) =>
        await training.Offices.FindAsync(office, cancellationToken)
        ?? new OfficeSessions { Id = office, Version = 0, Scheduled = await training.Sessions.CountAsync(Filter.Equal("office", office), cancellationToken) };

    public OfficeSessions Next() => this with { Version = Version + 1, Scheduled = Scheduled + 1 };
}
