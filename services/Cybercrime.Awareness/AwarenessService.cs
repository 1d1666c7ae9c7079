using Cybercrime.Awareness.Activities;
using Cybercrime.Awareness.Campaigns;
using Cybercrime.Awareness.Observations;
using Cybercrime.Awareness.Rebuild;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness;

/// <summary>Awareness campaigns and their reach figures, and awareness activities with their participants.</summary>
public static class AwarenessService
{
    public const string StoreName = "awareness";

    public static readonly ServiceModule Module = new("awareness", builder => builder.AddAwarenessService(), app => app.MapAwarenessEndpoints());

    public static IHostApplicationBuilder AddAwarenessService(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(StoreName, store => store
            // The office's campaigns newest first come straight from this index.
            .Collection<Campaign>("campaigns", "office,details.startDate")
            // One document per observation key (decision 0014), found by id; a campaign's by the index.
            .Collection<Observation>("observations", "campaignId")
            .Collection<Activity>("activities", "office,date"));
        builder.AddRestatement<RestateAwareness>("awareness");
        builder.Services.AddSingleton<AwarenessStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAwarenessEndpoints(this IEndpointRouteBuilder app)
    {
        var awareness = app.MapGroup("/awareness")
            .RequireAuthorization(AuthRegistration.OfficeEditorPolicy)
            .WithTags("Awareness");
        awareness.MapLaunchCampaign();
        awareness.MapAmendCampaign();
        awareness.MapCloseCampaign();
        awareness.MapListCampaigns();
        awareness.MapGetCampaign();
        awareness.MapRecordObservations();
        awareness.MapImportObservations();
        awareness.MapHoldActivity();
        awareness.MapAmendActivity();
        awareness.MapGetActivity();
        return app;
    }
}
