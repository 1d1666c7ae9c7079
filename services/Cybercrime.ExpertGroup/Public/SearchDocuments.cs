using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.ExpertGroup.Documents;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.ExpertGroup.Public;

internal sealed record DocumentItem(string Id, string Symbol, string Title, DocumentType Type, IReadOnlyList<string> Languages);

internal sealed record DocumentPage(IReadOnlyList<DocumentItem> Items, int Page, int PageSize, long Total);

/// <summary>
/// <c>GET /public/expert-group/documents?symbol=&amp;q=&amp;meeting=&amp;type=&amp;language=&amp;page=&amp;pageSize=</c>:
/// published documents only, by symbol order, each filter (every word of <c>q</c> among the title's
/// words) applied, paged and counted by the store. <c>GET …/documents/{id}</c>: one, with its published
/// revisions. Anything unpublished or withdrawn answers 404.
/// </summary>
internal static class SearchDocuments
{
    public const int MaxPageSize = 100;
    public const int MaxPage = int.MaxValue / MaxPageSize;
    public const int MaxWords = 10;

    public static void MapSearchDocuments(this RouteGroupBuilder open)
    {
        open.MapGet("/documents", async (
                IDocumentCollection<ExpertDocument> documents, CancellationToken cancellationToken,
                string? symbol, string? q, Guid? meeting, string? type, string? language, int page = 1, int pageSize = 20) =>
            {
                var errors = new ValidationErrors();
                DocumentType? typeFilter = null;
                if (type is not null && errors.Check(ContractJson.TryParse<DocumentType>(type, out var parsed), "type", $"'{type}' is not a type: {ContractJson.Names<DocumentType>()}."))
                {
                    typeFilter = parsed;
                }

                errors.Check(language is null || UnLanguages.Contains(language), "language", $"'{language}' is not one of the six UN languages: {string.Join(", ", UnLanguages.All)}.");
                errors.Check(symbol is null || Symbols.IsValid(Symbols.Key(symbol)), "symbol", $"'{symbol}' is not a United Nations document symbol such as UNODC/CCPCJ/EG.4/2020/2.");
                var words = Words.Of(q);
                errors.Check(words.Count <= MaxWords, "q", $"At most {MaxWords} words.");
                errors.Check(page is >= 1 and <= MaxPage, "page", $"Pages are numbered from 1 to {MaxPage}.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} documents.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var filter = Filter.Equal("listed", true);
                filter = symbol is null ? filter : filter.And(Filter.Equal("symbolKey", Symbols.Key(symbol)));
                filter = words.Aggregate(filter, (f, word) => f.And(Filter.Contains("titleWords", word)));
                filter = meeting is null ? filter : filter.And(Filter.Equal("meetingId", meeting.ToString()));
                filter = typeFilter is null ? filter : filter.And(Filter.Equal("type", typeFilter.Value));
                filter = language is null ? filter : filter.And(Filter.Contains("listedLanguages", language));
                var items = await documents.ListAsync(new Query(filter, [Sort.Ascending("symbolKey")], (page - 1) * pageSize, pageSize), cancellationToken);
                var total = await documents.CountAsync(filter, cancellationToken);
                return TypedResults.Ok(new DocumentPage([.. items.Select(d => new DocumentItem(d.Id, d.Symbol, d.Title, d.Type, d.ListedLanguages))], page, pageSize, total));
            })
            .WithSummary("Published documents, searched by symbol, title words, meeting, type and language.")
            .Produces<DocumentPage>()
            .ProducesValidationProblem();
        open.MapGet("/documents/{id:guid}", async (Guid id, IDocumentCollection<ExpertDocument> documents, CancellationToken cancellationToken) =>
                await documents.FindAsync(id.ToString(), cancellationToken) is { Listed: true } document
                    ? Results.Ok(DocumentView.Published(document))
                    : NotPublished(id))
            .WithSummary("A published document with its published revisions and language versions.")
            .Produces<DocumentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static IResult NotPublished(Guid id) => Problems.NotFound("No such published document.", $"Document {id} is not published.");
}
