using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>The body of <c>POST /expert-group/documents</c>.</summary>
internal sealed record DocumentRequest(string? Symbol, string? Title, DocumentType? Type, Guid? MeetingId, string? OriginalLanguage);

/// <summary>
/// <c>POST /expert-group/documents</c>: a document is registered under its symbol, as a draft with an
/// empty first revision. The symbol is claimed in the same commit as the document: a second document
/// with the same symbol, even one created at the same moment elsewhere, answers 409.
/// </summary>
internal static class CreateDocument
{
    public const int MaxTitleLength = 500;

    public static void MapCreateDocument(this RouteGroupBuilder group) =>
        group.MapPost("/documents", (DocumentRequest request, HttpContext http, DocumentRoute route, IDocumentCollection<Meeting> meetings, IDocumentCollection<SymbolClaim> symbols) =>
                route.Store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    errors.Check(Symbols.IsValid(request.Symbol), "symbol",
                        $"'{request.Symbol}' is not a United Nations document symbol such as UNODC/CCPCJ/EG.4/2020/2 (at most {Symbols.MaxLength} characters).");
                    FreeText.Check(errors, "title", request.Title, MaxTitleLength, out var title, "A title is required.");
                    errors.Check(request.Type is { } t && Enum.IsDefined(t), "type", $"The type is one of {ContractJson.Names<DocumentType>()}.");
                    errors.Check(UnLanguages.Contains(request.OriginalLanguage), "originalLanguage",
                        $"'{request.OriginalLanguage}' is not one of the six UN languages: {string.Join(", ", UnLanguages.All)}.");
                    if (request.MeetingId is { } meetingId && !errors.Any)
                    {
                        errors.Check(await meetings.FindAsync(meetingId.ToString(), http.RequestAborted) is not null, "meetingId", $"Meeting {meetingId} does not exist.");
                    }

                    if (errors.Any)
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var key = Symbols.Key(request.Symbol!);
                    if (await symbols.FindAsync(key, http.RequestAborted) is { } taken)
                    {
                        return CommandOutcome.Refuse(Problems.Conflict("The symbol is taken.", $"{request.Symbol} is the symbol of document {taken.DocumentId}."));
                    }

                    var now = route.Now;
                    var document = new ExpertDocument
                    {
                        Id = Guid.CreateVersion7(now).ToString(),
                        Version = 0,
                        Symbol = request.Symbol!,
                        SymbolKey = key,
                        Title = title!,
                        Type = request.Type!.Value,
                        MeetingId = request.MeetingId?.ToString(),
                        OriginalLanguage = request.OriginalLanguage!,
                        Status = DocumentStatus.Draft,
                        Revisions = [new Revision(1, null, [])],
                    }.Next(d => d);
                    var changes = new Changes().Save(document, 0).Save(new SymbolClaim(key, 1, document.Id), 0);
                    return CommandOutcome.Commit(changes, StatusCodes.Status201Created, new Created(document.Id), $"/expert-group/documents/{document.Id}");
                }))
            .WithSummary("Registers a document under its UN symbol, as a draft.")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapGetDocument(this RouteGroupBuilder group) =>
        group.MapGet("/documents/{id:guid}", async (Guid id, IDocumentCollection<ExpertDocument> documents, CancellationToken cancellationToken) =>
                await documents.FindAsync(id.ToString(), cancellationToken) is { } document
                    ? Results.Ok(DocumentView.Of(document))
                    : Problems.NotFound("No such document.", $"Document {id} does not exist."))
            .WithSummary("A document with every revision and language version, published or not.")
            .Produces<DocumentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
