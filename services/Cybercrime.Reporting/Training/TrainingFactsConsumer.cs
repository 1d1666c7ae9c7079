using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Training;

/// <summary>
/// Keeps the training facts. Every event carries its aggregate's whole state, so each one is a single
/// conditional upsert keyed by the aggregate and applied only when newer than what is stored:
/// redelivered, late and reordered events change nothing, and so does a restatement (a rebuild) older than a live event.
/// </summary>
internal sealed class TrainingFactsConsumer(IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations) :
    IConsumer<TrainingSessionScheduled>, IConsumer<TrainingSessionAmended>, IConsumer<TrainingSessionCancelled>, IConsumer<HeadcountRecorded>,
    IConsumer<ParticipantRegistered>, IConsumer<ParticipantWaitlisted>, IConsumer<ParticipantPromoted>, IConsumer<ParticipantAttended>,
    IConsumer<ParticipantCompleted>, IConsumer<ParticipantCancelled>, IConsumer<ParticipantNoShow>,
    IConsumer<TrainingSessionRestated>, IConsumer<RegistrationRestated>
{
    public Task Consume(ConsumeContext<TrainingSessionScheduled> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<TrainingSessionAmended> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<TrainingSessionCancelled> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<HeadcountRecorded> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantRegistered> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantWaitlisted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantPromoted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantAttended> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantCompleted> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantCancelled> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ParticipantNoShow> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<TrainingSessionRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<RegistrationRestated> context) => Keep(context.Message, context.CancellationToken);

    private Task Keep(ITrainingSessionEvent e, CancellationToken cancellationToken) =>
        sessions.UpsertIfNewerAsync(SessionFacts.From(e), cancellationToken);

    private Task Keep(IParticipantEvent e, CancellationToken cancellationToken) =>
        participations.UpsertIfNewerAsync(ParticipationFacts.From(e), cancellationToken);
}

internal sealed class TrainingFactsConsumerDefinition() : FactsConsumerDefinition<TrainingFactsConsumer>(Queue)
{
    public const string Queue = "reporting-training";
}
