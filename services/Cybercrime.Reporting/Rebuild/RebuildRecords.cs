using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>
/// A rebuild of reporting's facts: when it was asked for, and whether the producers have been asked
/// (<see cref="Asked"/>) or it is only recorded (<see cref="Requested"/>: facts maybe emptied, request
/// maybe not published), which <see cref="RebuildResumption"/> completes.
/// </summary>
internal sealed class RebuildRecord : IDocument
{
    public const string CollectionName = "rebuilds";

    public const string Requested = "requested";

    public const string Asked = "asked";

    public static readonly string[] Indexes = ["state", "startedAt"];

    public required string Id { get; init; }

    public long Version { get; init; } = 1;

    public required DateTimeOffset StartedAt { get; init; }

    public string State { get; init; } = Asked;
}

/// <summary>
/// How many aggregates one producing area restated for a rebuild, as it announced once all were
/// published: one document per (rebuild, area), so announcements from several areas never conflict.
/// </summary>
internal sealed class RebuildAnnouncement : IDocument
{
    public const string CollectionName = "rebuild-announcements";

    public static readonly string[] Indexes = ["rebuildId"];

    public required string Id { get; init; }

    public long Version { get; init; } = 1;

    public required string RebuildId { get; init; }

    public required string Area { get; init; }

    public required long Aggregates { get; init; }

    public required DateTimeOffset At { get; init; }

    public static string IdOf(Guid rebuildId, string area) => $"{rebuildId}:{area}";
}
