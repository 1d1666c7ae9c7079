namespace Cybercrime.Contracts.Reporting;

/// <summary>
/// Reporting has emptied its facts and asks every producing service to publish the current state of
/// each of its aggregates again, at the version it has (a restated event per aggregate), then to
/// announce how many it restated (<see cref="StateRestated"/>). A command, not a fact of any aggregate.
/// </summary>
[EventName("reporting.rebuild-requested")]
public sealed record ReportingRebuildRequested(Guid RebuildId, DateTimeOffset RequestedAt);

/// <summary>
/// A producing service has published the state of all its aggregates again for <see cref="RebuildId"/>:
/// <see cref="Aggregates"/> restated events in <see cref="Area"/> (<c>training</c>, <c>evidence</c>,
/// <c>awareness</c>, <c>expert-group</c>).
/// </summary>
[EventName("reporting.state-restated")]
public sealed record StateRestated(Guid RebuildId, string Area, long Aggregates, DateTimeOffset OccurredAt);

/// <summary>
/// The headers every restated event travels with: the rebuild it answers and its area. They say which
/// rebuild took it without reading any store, and no live event carries them.
/// </summary>
public static class RestatementHeaders
{
    public const string RebuildId = "Rebuild-Id";

    public const string Area = "Rebuild-Area";
}
