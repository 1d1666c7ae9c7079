using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cybercrime.ExpertGroup.Documents;

internal sealed record Uploaded(string Language, string Sha256, long Size);

/// <summary>
/// <c>PUT /expert-group/documents/{id}/versions/{lang}</c> with the file as the body: the language
/// version of the document's latest revision. The body is staged to a temporary file (stopped at the
/// size limit: 413), checked against its declared type (415), stored in the service's files, and only
/// then recorded on the document; a refused upload leaves no file behind. A published version is never
/// replaced (409): a change is a new revision.
/// </summary>
internal static class UploadVersion
{
    public static void MapUploadVersion(this RouteGroupBuilder group) =>
        group.MapPut("/documents/{id:guid}/versions/{lang}", HandleAsync)
            .WithSummary("Uploads a language version of the document's latest revision.")
            .WithDescription($"The body is the file itself, sent as one of: {string.Join(", ", FileContent.MediaTypes.Keys)}.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts, which would make routing refuse other types with a bare 415.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = FileContent.MediaTypes.Keys.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
                return Task.CompletedTask;
            })
            .Produces<Uploaded>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, string lang, HttpContext http, DocumentRoute route, FileSettings settings)
    {
        var cancellationToken = http.RequestAborted;
        var errors = new ValidationErrors();
        if (!errors.Check(UnLanguages.Contains(lang), "lang", $"'{lang}' is not one of the six UN languages: {string.Join(", ", UnLanguages.All)}."))
        {
            return errors.ToResult();
        }

        if (!(MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) && FileContent.MediaTypes.TryGetValue(media.MediaType.Value ?? "", out var kind)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "A language version is a PDF, DOCX, HTML or plain text file.",
                detail: $"Send the file itself with Content-Type one of {string.Join(", ", FileContent.MediaTypes.Keys)}, not {http.Request.ContentType ?? "without a type"}.");
        }

        // Checked before the body is read, so that a refused upload is not copied first; checked again when committing.
        var (document, refused) = await route.FindOpenAsync(id, cancellationToken);
        if ((refused ?? Immutable(document!, lang)) is { } early)
        {
            return early;
        }

        if (http.Request.ContentLength > settings.MaxFileBytes)
        {
            return TooLarge(settings);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxFileBytes + 1;
        }

        await using var staged = await StagedFile.CopyAsync(http.Request.Body, settings.MaxFileBytes, cancellationToken);
        if (staged is null)
        {
            return TooLarge(settings);
        }

        if (staged.File.Length == 0)
        {
            errors.Add("body", "The file is empty: send the file itself as the body.");
            return errors.ToResult();
        }

        if (await FileContent.MismatchAsync(staged.File, kind, cancellationToken) is { } mismatch)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: $"The file is not {media.MediaType}.", detail: mismatch);
        }

        staged.File.Position = 0;
        var blobs = route.Store.Blobs;
        var stored = await blobs.PutAsync(Guid.NewGuid().ToString(), staged.File, cancellationToken);
        string? replaced = null;
        var recorded = false;
        try
        {
            var result = await route.ChangeAsync(http, id, $"{lang} {stored.Sha256}", current =>
            {
                recorded = false;
                if (Immutable(current, lang) is { } immutable)
                {
                    return (null, null, null, immutable);
                }

                replaced = current.Latest.In(lang)?.BlobId;
                recorded = true;
                var version = new FileVersion(lang, stored.Id, stored.Sha256, stored.Size, FileContent.MediaType(kind), null);
                var changed = current.Next(d => d with
                {
                    Revisions = d.WithLatest(d.Latest with { Versions = [.. d.Latest.Versions.Where(v => v.Language != lang), version] }),
                });
                return (changed, null, new Uploaded(lang, stored.Sha256, stored.Size), null);
            });
            if (recorded && replaced is not null)
            {
                await blobs.DeleteAsync(replaced, CancellationToken.None);
            }

            return result;
        }
        catch
        {
            recorded = false;
            throw;
        }
        finally
        {
            if (!recorded)
            {
                await blobs.DeleteAsync(stored.Id, CancellationToken.None);
            }
        }
    }

    /// <summary>409 when the latest revision's version in <paramref name="lang"/> is published: it is never replaced.</summary>
    private static IResult? Immutable(ExpertDocument document, string lang) =>
        document.Latest.In(lang) is { PublishedOn: not null }
            ? Problems.Conflict(
                "A published version is never replaced.",
                $"The {lang} version of revision {document.Latest.Number} is published: start a new revision (POST /expert-group/documents/{document.Id}/revisions) and upload it there.")
            : null;

    private static IResult TooLarge(FileSettings settings) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.",
        detail: $"A language version is at most {settings.MaxFileBytes:N0} bytes.",
        extensions: new Dictionary<string, object?> { ["maxBytes"] = settings.MaxFileBytes });
}
