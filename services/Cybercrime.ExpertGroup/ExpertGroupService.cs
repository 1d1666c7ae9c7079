using Cybercrime.ExpertGroup.Documents;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.ExpertGroup.Public;
using Cybercrime.ExpertGroup.Recommendations;
using Cybercrime.ExpertGroup.Rebuild;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup;

/// <summary>
/// The expert-group documentation service: the meetings the secretariat serves, their documents (UN
/// symbols, six languages, a publishing workflow, files in the service's own store) and recommendations,
/// and the public read API.
/// </summary>
public static class ExpertGroupService
{
    public const string StoreName = "expert-group";

    /// <summary>Expert-group records belong to headquarters: the office every event names.</summary>
    public const string Office = Cybercrime.Contracts.Offices.Vienna;

    public static readonly ServiceModule Module = new("expert-group", builder => builder.AddExpertGroupService(), app => app.MapExpertGroupEndpoints());

    public static IHostApplicationBuilder AddExpertGroupService(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(StoreName, store => store
            .Collection<Meeting>("meetings", "details.startDate")
            // The public search: listed documents by symbol, and each filter it takes.
            .Collection<ExpertDocument>("documents", "listed,symbolKey", "titleWords", "listedLanguages", "meetingId", "type")
            // One document per symbol: the store refuses a second claim, so two creations cannot both take it.
            .Collection<SymbolClaim>("symbols")
            // One meeting per body and number (one sixth meeting of the Expert Group), claimed the same way.
            .Collection<SequenceClaim>("meetingNumbers")
            .Collection<Recommendation>("recommendations", "status,chapter", "meetingId"));
        builder.AddRestatement<RestateExpertGroup>("expert-group");
        builder.Services.AddSingleton(FileSettings.From(builder.Configuration));
        builder.Services.AddSingleton<MeetingRoute>();
        builder.Services.AddSingleton<DocumentRoute>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExpertGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var secretariat = app.MapGroup("/expert-group")
            .RequireAuthorization(AuthRegistration.SecretariatPolicy)
            .WithTags("Expert group");
        secretariat.MapScheduleMeeting();
        secretariat.MapChangeMeeting();
        secretariat.MapCreateDocument();
        secretariat.MapGetDocument();
        secretariat.MapUploadVersion();
        secretariat.MapStartRevision();
        secretariat.MapPublishDocument();
        secretariat.MapWithdrawDocument();
        secretariat.MapProposeRecommendation();
        secretariat.MapChangeRecommendation();

        var open = app.MapGroup("/public/expert-group")
            .AllowAnonymous()
            .WithTags("Expert group (public)");
        open.MapSearchDocuments();
        open.MapPublishedFiles();
        open.MapPublicMeetings();
        open.MapConsolidatedList();
        return app;
    }
}
