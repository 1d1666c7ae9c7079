using Cybercrime.Evidence.Requests;
using Cybercrime.Evidence.Rebuild;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Evidence;

/// <summary>Evidence-request tracking: requests to service providers and to other states, their dated steps and deadlines.</summary>
public static class EvidenceService
{
    public const string StoreName = "evidence";

    public static readonly ServiceModule Module = new("evidence", builder => builder.AddEvidenceService(), app => app.MapEvidenceEndpoints());

    public static IHostApplicationBuilder AddEvidenceService(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(StoreName, store => store
            // An office's requests newest first come from the first index; the others serve the list's
            // filters, a case's requests, and the overdue watch's next days.
            .Collection<EvidenceRequest>("requests",
                "office,deleted,createdAt", "caseKey", "status", "addressee", "details.requestType", "submittedYear", "overdueNow", "watchOn"));
        builder.AddRestatement<RestateEvidence>("evidence");
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddSingleton(new CaseKeys(builder.Require(CaseKeys.KeySetting)));
        builder.Services.AddSingleton(Deadlines.From(builder.Configuration));
        builder.Services.AddSingleton(OverdueWatch.Settings.From(builder.Configuration));
        builder.Services.AddSingleton<OverdueWatch>();
        builder.Services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<OverdueWatch>());
        return builder;
    }

    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/evidence")
            .RequireAuthorization(AuthRegistration.OfficeEditorPolicy)
            .WithTags("Evidence");
        evidence.MapCreateRequest();
        evidence.MapAmendDraft();
        evidence.MapDeleteDraft();
        evidence.MapRecordSteps();
        evidence.MapImportRequests();
        evidence.MapListRequests();
        evidence.MapGetRequest();
        return app;
    }
}
