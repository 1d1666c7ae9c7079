using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>Finds a document for a change, refusing one that is withdrawn, and commits what the change decided.</summary>
internal sealed class DocumentRoute(
    [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store, IDocumentCollection<ExpertDocument> documents, TimeProvider clock)
{
    public DocumentStore Store => store;

    public IDocumentCollection<ExpertDocument> Documents => documents;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The document, or 404; a withdrawn one answers 409: nothing changes it any more.</summary>
    public async Task<(ExpertDocument? Document, IResult? Refused)> FindOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(id.ToString(), cancellationToken);
        return document switch
        {
            null => (null, Problems.NotFound("No such document.", $"Document {id} does not exist.")),
            { Status: DocumentStatus.Withdrawn } => (null, Problems.Conflict("The document is withdrawn.", document.Status)),
            _ => (document, null),
        };
    }

    public Task<IResult> ChangeAsync(
        HttpContext http, Guid id, object request, Func<ExpertDocument, (ExpertDocument? Changed, IIntegrationEvent? Event, object? Answer, IResult? Refused)> change) =>
        store.RunAsync(http, request, async () =>
        {
            var (document, refused) = await FindOpenAsync(id, http.RequestAborted);
            if (refused is not null)
            {
                return CommandOutcome.Refuse(refused);
            }

            var (changed, @event, answer, denied) = change(document!);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            var changes = new Changes().Save(changed!, document!.Version, @event is null ? [] : [@event]);
            return CommandOutcome.Commit(changes, StatusCodes.Status200OK, answer ?? DocumentView.Of(changed!));
        }, turn: id.ToString());
}
