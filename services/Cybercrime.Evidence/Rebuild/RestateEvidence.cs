using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Reporting;
using Cybercrime.Evidence.Requests;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Evidence.Rebuild;

/// <summary>Reporting rebuilds: every request as it stands, at its version; drafts raised no event and are left out.</summary>
internal sealed class RestateEvidence(IDocumentCollection<EvidenceRequest> requests, TimeProvider clock) : IConsumer<ReportingRebuildRequested>
{
    public async Task Consume(ConsumeContext<ReportingRebuildRequested> context)
    {
        var restatement = new Restatement(context, "evidence", clock);
        await restatement.AllAsync(requests, (r, now) => r.Status == EvidenceRequestStatus.Draft
            ? null
            : new EvidenceRequestRestated(Guid.NewGuid(), now, r.Office, r.Key, r.Version, r.Snapshot()));
        await restatement.AnnounceAsync();
    }
}
