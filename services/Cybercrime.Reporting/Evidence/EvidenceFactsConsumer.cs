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
    IConsumer<EvidenceRequestOverdue>, IConsumer<EvidencePreservationExtended>, IConsumer<EvidencePreservationLapsed>
{
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

internal sealed class EvidenceFactsConsumerDefinition : ConsumerDefinition<EvidenceFactsConsumer>
{
    public const string Queue = "reporting-evidence";

    public EvidenceFactsConsumerDefinition()
    {
        EndpointName = Queue;
        // As training's facts: independent upserts that the store commits together.
        ConcurrentMessageLimit = 64;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<EvidenceFactsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Jittered exponential retries ride out a store hiccup; what still fails is parked in reporting-evidence_error.
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 64;
        }
    }
}
