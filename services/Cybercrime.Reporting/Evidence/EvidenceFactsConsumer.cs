using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Evidence;

/// <summary>
/// Keeps the evidence facts: every event carries the request's whole state, so each is one conditional
/// upsert keyed by the request, applied only when newer than what is stored; redelivered, late and
/// reordered events change nothing.
/// </summary>
internal sealed class EvidenceFactsConsumer(IDocumentCollection<EvidenceFacts> requests) :
    IConsumer<EvidenceRequestSubmitted>, IConsumer<EvidenceRequestAcknowledged>, IConsumer<EvidenceInformationRequested>,
    IConsumer<EvidenceInformationAnswered>, IConsumer<EvidenceRequestCompleted>, IConsumer<EvidenceRequestWithdrawn>,
    IConsumer<EvidenceRequestOverdue>, IConsumer<EvidencePreservationExtended>, IConsumer<EvidencePreservationLapsed>,
    IConsumer<EvidenceRequestRestated>
{
    public Task Consume(ConsumeContext<EvidenceRequestRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceRequestSubmitted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceRequestAcknowledged> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceInformationRequested> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceInformationAnswered> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceRequestCompleted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceRequestWithdrawn> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidenceRequestOverdue> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidencePreservationExtended> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EvidencePreservationLapsed> context) => Keep(context.Message, context.CancellationToken);

    private Task Keep(IEvidenceRequestEvent e, CancellationToken cancellationToken) =>
        requests.UpsertIfNewerAsync(EvidenceFacts.From(e), cancellationToken);
}

internal sealed class EvidenceFactsConsumerDefinition() : FactsConsumerDefinition<EvidenceFactsConsumer>(Queue)
{
    public const string Queue = "reporting-evidence";
}
