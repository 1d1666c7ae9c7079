using Cybercrime.ExpertGroup.Documents;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Microsoft.Net.Http.Headers;

namespace Cybercrime.ExpertGroup.Public;

/// <summary>
/// <c>GET /public/expert-group/documents/{id}/versions/{lang}[?revision=N]</c>: the published file of the
/// current revision (or of an earlier, superseded one when asked for by number), streamed from the store,
/// with its SHA-256 as the <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without the file.
/// A version not published, a revision not published, a document withdrawn or never published: 404.
/// </summary>
internal static class PublishedFiles
{
    public static void MapPublishedFiles(this RouteGroupBuilder open) =>
        open.MapGet("/documents/{id:guid}/versions/{lang}", async (
                Guid id, string lang, int? revision, HttpContext http,
                IDocumentCollection<ExpertDocument> documents, [FromKeyedServices(ExpertGroupService.StoreName)] DocumentStore store) =>
            {
                var cancellationToken = http.RequestAborted;
                if (await documents.FindAsync(id.ToString(), cancellationToken) is not { Listed: true } document)
                {
                    return SearchDocuments.NotPublished(id);
                }

                var shown = revision is { } number ? document.Revisions.FirstOrDefault(r => r.Number == number && r.PublishedOn is not null) : document.Current;
                if (shown?.In(lang) is not { PublishedOn: not null } version)
                {
                    return Problems.NotFound("No such published version.", $"Document {document.Symbol} has no published {lang} version{(revision is null ? "" : $" in revision {revision}")}.");
                }

                var etag = new EntityTagHeaderValue($"\"{version.Sha256}\"");
                http.Response.Headers.ETag = etag.ToString();
                http.Response.Headers.CacheControl = "no-cache";
                if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                var file = await store.Blobs.OpenReadAsync(version.BlobId, cancellationToken);
                return file is null
                    ? Problems.NotFound("The file is missing.", $"The {lang} version of {document.Symbol} is recorded but its file is not in the store.")
                    : Results.Stream(file, version.ContentType, $"{document.Symbol.Replace('/', '_')}-{lang}{Extension(version.ContentType)}");
            })
            .WithSummary("The published file of a language version, with an ETag.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static string Extension(string contentType) => FileContent.MediaTypes[contentType] switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        FileKind.Html => ".html",
        _ => ".txt",
    };
}
