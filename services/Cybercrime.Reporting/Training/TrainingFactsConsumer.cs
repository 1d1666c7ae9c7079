using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Training;

/// <summary>
/// Keeps the training facts. Each event is one conditional upsert keyed by its aggregate, applied
/// only when newer than what is stored, so redelivered and reordered events change nothing.
/// </summary>
internal sealed class TrainingFactsConsumer(IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations)
    : IConsumer<TrainingSessionScheduled>, IConsumer<ParticipantRegistered>, IConsumer<ParticipantCompleted>
{
    public Task Consume(ConsumeContext<TrainingSessionScheduled> context) =>
        sessions.UpsertIfNewerAsync(SessionFacts.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantRegistered> context) =>
        participations.UpsertIfNewerAsync(ParticipationFacts.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantCompleted> context) =>
        participations.UpsertIfNewerAsync(ParticipationFacts.From(context.Message), context.CancellationToken);
}

internal sealed class TrainingFactsConsumerDefinition : ConsumerDefinition<TrainingFactsConsumer>
{
    public TrainingFactsConsumerDefinition()
    {
        EndpointName = "reporting-training";
        ConcurrentMessageLimit = 32;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TrainingFactsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Jittered exponential retries ride out a store hiccup; what still fails is parked in reporting-training_error.
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 64;
        }
    }
}
