using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Annual;
using Cybercrime.Reporting.Awareness;
using Cybercrime.Reporting.Dashboard;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Reporting.ExpertGroup;
using Cybercrime.Reporting.Rebuild;
using Cybercrime.Reporting.Training;
using MassTransit;

namespace Cybercrime.Reporting;

/// <summary>Reporting: keyed facts from every area's events, and the aggregates of the annual report.</summary>
public static class ReportingService
{
    public static readonly ServiceModule Module = new("reporting", builder => builder.AddReportingService(), app => app.MapReportingEndpoints());

    public static IHostApplicationBuilder AddReportingService(this IHostApplicationBuilder builder) =>
        builder
            .AddDocumentStore("reporting", store => store
                .Collection<SessionFacts>(SessionFacts.CollectionName, SessionFacts.Indexes)
                .Collection<ParticipationFacts>(ParticipationFacts.CollectionName, ParticipationFacts.Indexes)
                .Collection<EvidenceFacts>(EvidenceFacts.CollectionName, EvidenceFacts.Indexes)
                .Collection<CampaignFacts>(CampaignFacts.CollectionName, CampaignFacts.Indexes)
                .Collection<ObservationFacts>(ObservationFacts.CollectionName, ObservationFacts.Indexes)
                .Collection<ActivityFacts>(ActivityFacts.CollectionName, ActivityFacts.Indexes)
                .Collection<ActivityCountryFacts>(ActivityCountryFacts.CollectionName, ActivityCountryFacts.Indexes)
                .Collection<MeetingFacts>(MeetingFacts.CollectionName, MeetingFacts.Indexes)
                .Collection<DocumentFacts>(DocumentFacts.CollectionName, DocumentFacts.Indexes)
                .Collection<RecommendationFacts>(RecommendationFacts.CollectionName, RecommendationFacts.Indexes)
                .Collection<RebuildRecord>(RebuildRecord.CollectionName, RebuildRecord.Indexes)
                .Collection<RebuildAnnouncement>(RebuildAnnouncement.CollectionName, RebuildAnnouncement.Indexes)
                .Collection<RebuildMark>(RebuildMark.CollectionName, RebuildMark.Indexes))
            .AddConsumers(bus => bus.AddConsumer<TrainingFactsConsumer, TrainingFactsConsumerDefinition>(), TrainingFactsConsumerDefinition.Queue)
            .AddConsumers(bus => bus.AddConsumer<EvidenceFactsConsumer, EvidenceFactsConsumerDefinition>(), EvidenceFactsConsumerDefinition.Queue)
            .AddConsumers(bus => bus.AddConsumer<AwarenessFactsConsumer, AwarenessFactsConsumerDefinition>(), AwarenessFactsConsumerDefinition.Queue)
            .AddConsumers(bus => bus.AddConsumer<ExpertGroupFactsConsumer, ExpertGroupFactsConsumerDefinition>(), ExpertGroupFactsConsumerDefinition.Queue)
            .AddConsumers(bus => bus.AddConsumer<RebuildAnnouncementsConsumer, RebuildAnnouncementsConsumerDefinition>(), RebuildAnnouncementsConsumerDefinition.Queue)
            .AddRebuildResumption();

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var reporting = app.MapGroup("/reporting")
            .RequireAuthorization(AuthRegistration.HqReportingPolicy)
            .WithTags("Reporting");
        reporting.MapTrainingSummary();
        reporting.MapEvidenceSummary();
        reporting.MapAwarenessSummary();
        reporting.MapExpertGroupSummary();
        reporting.MapAnnualReport();
        app.MapDashboard();
        app.MapRebuilds();
        return app;
    }
}
