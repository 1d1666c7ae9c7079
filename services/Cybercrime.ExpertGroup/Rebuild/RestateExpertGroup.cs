using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Contracts.Reporting;
using Cybercrime.ExpertGroup.Documents;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.ExpertGroup.Recommendations;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.ExpertGroup.Rebuild;

/// <summary>
/// Reporting rebuilds: every meeting, document and recommendation as it stands, at its version; a
/// document still in draft raised no event and is left out.
/// </summary>
internal sealed class RestateExpertGroup(
    IDocumentCollection<Meeting> meetings, IDocumentCollection<ExpertDocument> documents, IDocumentCollection<Recommendation> recommendations, TimeProvider clock)
    : IConsumer<ReportingRebuildRequested>
{
    private const string Office = ExpertGroupService.Office;

    public async Task Consume(ConsumeContext<ReportingRebuildRequested> context)
    {
        var restatement = new Restatement(context, "expert-group", clock);
        await restatement.AllAsync(meetings, (m, now) => new MeetingRestated(Guid.NewGuid(), now, Office, m.Key, m.Version, m.Snapshot()));
        await restatement.AllAsync(documents, (d, now) => d.Status == DocumentStatus.Draft
            ? null
            : new DocumentRestated(Guid.NewGuid(), now, Office, d.Key, d.Version, d.Snapshot()));
        await restatement.AllAsync(recommendations, (r, now) => new RecommendationRestated(Guid.NewGuid(), now, Office, r.Key, r.Version, r.Snapshot()));
        await restatement.AnnounceAsync();
    }
}
