using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cybercrime.Platform.Http;

/// <summary>
/// A route that takes a CSV file itself as the body (every service's bulk import). People send such a
/// file under many types, so several are taken; any other answers 415 saying what to send.
/// </summary>
public static class CsvUpload
{
    /// <summary>What people send a CSV file as: its own types, plain text, and what curl's <c>--data-binary</c> says by default.</summary>
    public static readonly string[] ContentTypes = ["text/csv", "application/csv", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"];

    /// <summary>Describes the body in OpenAPI, with the 415 it may answer.</summary>
    /// <param name="columns">What the route's description says first, e.g. the file's columns.</param>
    public static RouteHandlerBuilder AcceptsCsvFile(this RouteHandlerBuilder route, string? columns = null) =>
        route
            .WithDescription($"{columns}{(columns is null ? "" : " ")}The body is the CSV file itself, sent as one of: {string.Join(", ", ContentTypes)} (or with no type).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts, which would make routing refuse other types with a bare 415.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The file's text, or the 415 to answer (and no text) when it came under another type.</summary>
    /// <param name="example">A file name for the curl example in the answer, e.g. <c>people.csv</c>.</param>
    public static async Task<(string Csv, IResult? Refused)> ReadAsync(HttpContext http, string example)
    {
        if (http.Request.ContentType is { Length: > 0 } type
            && !(MediaTypeHeaderValue.TryParse(type, out var media) && ContentTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return ("", TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The import takes the CSV file itself as the body.",
                detail: $"Send it as text/csv (or {string.Join(", ", ContentTypes[1..])}), e.g. curl --data-binary @{example} -H 'Content-Type: text/csv'; " +
                    $"not as {type.Split(';')[0]}."));
        }

        using var reader = new StreamReader(http.Request.Body);
        return (await reader.ReadToEndAsync(http.RequestAborted), null);
    }
}
