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
/// HEAD answers as GET does, without the file.
/// </summary>
internal static class PublishedFiles
{
    public static void MapPublishedFiles(this RouteGroupBuilder open) =>
        open.MapMethods("/documents/{id:guid}/versions/{lang}", [HttpMethods.Get, HttpMethods.Head], async (
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

                var missing = Problems.NotFound("The file is missing.", $"The {lang} version of {document.Symbol} is recorded but its file is not in the store.");
                var name = $"{document.Symbol.Replace('/', '_')}-{lang}{Extension(version.ContentType)}";
                if (HttpMethods.IsHead(http.Request.Method))
                {
                    // The headers GET sends, and the file left unread.
                    if (await store.Blobs.InfoAsync(version.BlobId, cancellationToken) is null)
                    {
                        return missing;
                    }

                    var disposition = new ContentDispositionHeaderValue("attachment");
                    disposition.SetHttpFileName(name);
                    http.Response.Headers.ContentDisposition = disposition.ToString();
                    http.Response.ContentType = version.ContentType;
                    http.Response.ContentLength = version.Size;
                    return Results.Empty;
                }

                if (await store.Blobs.OpenReadAsync(version.BlobId, cancellationToken) is not { } file)
                {
                    return missing;
                }

                // The store's stream does not seek, so the length is given here: GET and HEAD both send it.
                http.Response.ContentLength = version.Size;
                return Results.Stream(file, version.ContentType, name);
            })
            .WithSummary("The published file of a language version, with an ETag; HEAD answers its headers alone.")
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
