using Cybercrime.Awareness.Activities;
using Cybercrime.Awareness.Campaigns;
using Cybercrime.Awareness.Observations;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Awareness.Rebuild;

/// <summary>Reporting rebuilds: every campaign, observation key and activity as it stands, at its version.</summary>
internal sealed class RestateAwareness(
    IDocumentCollection<Campaign> campaigns, IDocumentCollection<Observation> observations, IDocumentCollection<Activity> activities, TimeProvider clock)
    : IConsumer<ReportingRebuildRequested>
{
    public async Task Consume(ConsumeContext<ReportingRebuildRequested> context)
    {
        var restatement = new Restatement(context, "awareness", clock);
        await restatement.AllAsync(campaigns, (c, now) => new CampaignRestated(Guid.NewGuid(), now, c.Office, c.Key, c.Version, c.Snapshot()));
        await restatement.AllAsync(observations, (o, now) => new ObservationRestated(
            Guid.NewGuid(), now, o.Office, Guid.Parse(o.Id), o.Version, Guid.Parse(o.CampaignId), o.Channel, o.Metric, o.Period, o.Country, o.Language, o.Value));
        await restatement.AllAsync(activities, (a, now) => new ActivityRestated(Guid.NewGuid(), now, a.Office, a.Key, a.Version, a.Snapshot()));
        await restatement.AnnounceAsync();
    }
}
