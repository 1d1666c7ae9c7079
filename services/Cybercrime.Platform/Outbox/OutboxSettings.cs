using Microsoft.Extensions.Configuration;

namespace Cybercrime.Platform.Outbox;

/// <summary>
/// <c>Outbox:PublishTimeoutSeconds</c> (20): how long one batch's publishes may wait for the broker's
/// confirms before they are given up and published again. <c>Outbox:ClaimSeconds</c> (60): how long a
/// copy's claim on a batch holds before another copy may take it over. <c>Outbox:MaxPendingAgeSeconds</c>
/// (120): readiness fails once the oldest waiting event is older.
/// </summary>
public sealed record OutboxSettings(TimeSpan PublishTimeout, TimeSpan ClaimDuration, TimeSpan MaxPendingAge)
{
    public static OutboxSettings Default { get; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));

    public static OutboxSettings From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:PublishTimeoutSeconds", Default.PublishTimeout.TotalSeconds)),
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:ClaimSeconds", Default.ClaimDuration.TotalSeconds)),
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:MaxPendingAgeSeconds", Default.MaxPendingAge.TotalSeconds)));
}
