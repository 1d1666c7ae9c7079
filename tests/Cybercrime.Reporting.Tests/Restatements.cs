using Cybercrime.Contracts;
using Cybercrime.Contracts.Reporting;
using MassTransit;

namespace Cybercrime.Reporting.Tests;

/// <summary>Publishes restated events as a producer answering a rebuild does: with the rebuild and the area in their headers.</summary>
internal static class Restatements
{
    public static async Task PublishAsync(IBus bus, Guid rebuildId, string area, params IIntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), publish =>
            {
                publish.Headers.Set(RestatementHeaders.RebuildId, rebuildId.ToString());
                publish.Headers.Set(RestatementHeaders.Area, area);
            }, TestContext.Current.CancellationToken);
        }
    }
}
