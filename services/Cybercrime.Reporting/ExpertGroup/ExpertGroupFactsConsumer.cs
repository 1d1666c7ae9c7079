using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.ExpertGroup;

/// <summary>
/// Keeps the expert-group facts: each event carries its aggregate's whole state, so each is one upsert
/// applied only when newer than what is stored; redelivered and reordered events change nothing.
/// </summary>
internal sealed class ExpertGroupFactsConsumer(
    IDocumentCollection<MeetingFacts> meetings, IDocumentCollection<DocumentFacts> documents, IDocumentCollection<RecommendationFacts> recommendations) :
    IConsumer<MeetingScheduled>, IConsumer<MeetingPostponed>, IConsumer<MeetingHeld>, IConsumer<MeetingCancelled>,
    IConsumer<DocumentPublished>, IConsumer<DocumentSuperseded>, IConsumer<DocumentWithdrawn>,
    IConsumer<RecommendationProposed>, IConsumer<RecommendationAdopted>, IConsumer<RecommendationWithdrawn>,
    IConsumer<MeetingRestated>, IConsumer<DocumentRestated>, IConsumer<RecommendationRestated>
{
    public Task Consume(ConsumeContext<MeetingScheduled> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MeetingPostponed> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MeetingHeld> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MeetingCancelled> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<DocumentPublished> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<DocumentSuperseded> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<DocumentWithdrawn> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<RecommendationProposed> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<RecommendationAdopted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<RecommendationWithdrawn> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MeetingRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<DocumentRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<RecommendationRestated> context) => Keep(context.Message, context.CancellationToken);

    private Task Keep(IMeetingEvent e, CancellationToken cancellationToken) => meetings.UpsertIfNewerAsync(MeetingFacts.From(e), cancellationToken);

    private Task Keep(IDocumentEvent e, CancellationToken cancellationToken) => documents.UpsertIfNewerAsync(DocumentFacts.From(e), cancellationToken);

    private Task Keep(IRecommendationEvent e, CancellationToken cancellationToken) => recommendations.UpsertIfNewerAsync(RecommendationFacts.From(e), cancellationToken);
}

internal sealed class ExpertGroupFactsConsumerDefinition() : FactsConsumerDefinition<ExpertGroupFactsConsumer>(Queue)
{
    public const string Queue = "reporting-expert-group";
}
