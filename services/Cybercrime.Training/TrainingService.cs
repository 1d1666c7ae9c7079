using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training;

/// <summary>Training registration: sessions an office runs and the participants it registers.</summary>
public static class TrainingService
{
    public static IHostApplicationBuilder AddTrainingService(this IHostApplicationBuilder builder) =>
        builder.AddDocumentStore("training", store => store
            .Collection<TrainingSession>("sessions", "office")
            .Collection<Registration>("registrations", "sessionId"));

    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var training = app.MapGroup("/training")
            .RequireAuthorization(AuthRegistration.OfficeEditorPolicy)
            .WithTags("Training");
        training.MapScheduleSession();
        training.MapGetSession();
        training.MapRegisterParticipant();
        training.MapCompleteRegistration();
        return app;
    }
}
