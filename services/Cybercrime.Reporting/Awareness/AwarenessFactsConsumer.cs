using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Awareness;

/// <summary>
/// Keeps the awareness facts: each event is one conditional upsert per fact it touches (an activity's
/// per country too), applied only when newer than what is stored, so redelivered, late and reordered
/// events change nothing. A failure half-way is retried, and the rows already written are then no-ops.
/// </summary>
internal sealed class AwarenessFactsConsumer(
    IDocumentCollection<CampaignFacts> campaigns,
    IDocumentCollection<ObservationFacts> observations,
    IDocumentCollection<ActivityFacts> activities,
    IDocumentCollection<ActivityCountryFacts> activityCountries) :
    IConsumer<CampaignLaunched>, IConsumer<CampaignAmended>, IConsumer<CampaignClosed>, IConsumer<ObservationRecorded>,
    IConsumer<ActivityHeld>, IConsumer<ActivityAmended>, IConsumer<CampaignRestated>, IConsumer<ObservationRestated>, IConsumer<ActivityRestated>
{
    public Task Consume(ConsumeContext<CampaignLaunched> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<CampaignAmended> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<CampaignClosed> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ObservationRecorded> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ActivityHeld> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ActivityAmended> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<CampaignRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ObservationRestated> context) => Keep(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ActivityRestated> context) => Keep(context.Message, context.CancellationToken);

    internal Task Keep(IObservationEvent e, CancellationToken cancellationToken) =>
        observations.UpsertIfNewerAsync(ObservationFacts.From(e), cancellationToken);

    internal Task Keep(ICampaignEvent e, CancellationToken cancellationToken) =>
        campaigns.UpsertIfNewerAsync(CampaignFacts.From(e), cancellationToken);

    internal async Task Keep(IActivityEvent e, CancellationToken cancellationToken)
    {
        foreach (var row in ActivityCountryFacts.From(e))
        {
            await activityCountries.UpsertIfNewerAsync(row, cancellationToken);
        }

        await activities.UpsertIfNewerAsync(ActivityFacts.From(e), cancellationToken);
    }
}

internal sealed class AwarenessFactsConsumerDefinition() : FactsConsumerDefinition<AwarenessFactsConsumer>(Queue)
{
    public const string Queue = "reporting-awareness";
}
