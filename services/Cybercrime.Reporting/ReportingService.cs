using Cybercrime.Platform.Hosting;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
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
                .Collection<EvidenceFacts>(EvidenceFacts.CollectionName, EvidenceFacts.Indexes))
            .AddConsumers(bus => bus.AddConsumer<TrainingFactsConsumer, TrainingFactsConsumerDefinition>(), TrainingFactsConsumerDefinition.Queue)
            .AddConsumers(bus => bus.AddConsumer<EvidenceFactsConsumer, EvidenceFactsConsumerDefinition>(), EvidenceFactsConsumerDefinition.Queue);

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var reporting = app.MapGroup("/reporting")
            .RequireAuthorization(AuthRegistration.HqReportingPolicy)
            .WithTags("Reporting");
        reporting.MapTrainingSummary();
        reporting.MapEvidenceSummary();
        return app;
    }
}
