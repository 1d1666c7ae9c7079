using Cybercrime.Training.Rebuild;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training;

/// <summary>Training registration: sessions an office runs, who registered, attended and completed.</summary>
public static class TrainingService
{
    public const string StoreName = "training";

    public static readonly ServiceModule Module = new("training", builder => builder.AddTrainingService(), app => app.MapTrainingEndpoints());

    public static IHostApplicationBuilder AddTrainingService(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(StoreName, store => store
            // The office's sessions newest first come straight from the first index; the others serve the list's filters.
            .Collection<TrainingSession>("sessions", "office,details.startDate", "details.endDate", "details.topics", "details.hostCountry", "details.format")
            // The second index counts enrolments by status for sessions stored before the session kept them.
            .Collection<Registration>("registrations", "sessionId,status", "participantId")
            // Each office's count of sessions, read by id: the total of an unfiltered page.
            .Collection<OfficeSessions>("offices"));
        builder.AddRestatement<RestateTraining>("training");
        builder.Services.AddSingleton<TrainingStore>();
        builder.Services.AddSingleton(new ParticipantIdentity(builder.Require(ParticipantIdentity.KeySetting)));
        return builder;
    }

    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var training = app.MapGroup("/training")
            .RequireAuthorization(AuthRegistration.OfficeEditorPolicy)
            .WithTags("Training");
        training.MapScheduleSession();
        training.MapAmendSession();
        training.MapCancelSession();
        training.MapRecordHeadcount();
        training.MapListSessions();
        training.MapGetSession();
        training.MapRegisterParticipant();
        training.MapGetRegistration();
        training.MapChangeEnrolment();
        training.MapImportRegistrations();
        training.MapParticipantHistory();
        return app;
    }
}
