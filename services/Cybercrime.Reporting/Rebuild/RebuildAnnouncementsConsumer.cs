using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Storage;
using MassTransit;

namespace Cybercrime.Reporting.Rebuild;

/// <summary>Keeps each area's announcement of how many aggregates it restated; a redelivered one changes nothing.</summary>
internal sealed class RebuildAnnouncementsConsumer(IDocumentCollection<RebuildAnnouncement> announcements) : IConsumer<StateRestated>
{
    public Task Consume(ConsumeContext<StateRestated> context) =>
        announcements.UpsertIfNewerAsync(new RebuildAnnouncement
        {
            Id = RebuildAnnouncement.IdOf(context.Message.RebuildId, context.Message.Area),
            RebuildId = context.Message.RebuildId.ToString(),
            Area = context.Message.Area,
            Aggregates = context.Message.Aggregates,
            At = context.Message.OccurredAt,
        }, context.CancellationToken);
}

internal sealed class RebuildAnnouncementsConsumerDefinition : ConsumerDefinition<RebuildAnnouncementsConsumer>
{
    public const string Queue = "reporting-rebuilds";

    public RebuildAnnouncementsConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RebuildAnnouncementsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
}
