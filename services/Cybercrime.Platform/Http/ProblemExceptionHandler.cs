using System.Text.Json;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Turns the failures a caller can fix into RFC 9457 answers: a query or route value that could not be
/// bound is named with the type it expects (<see cref="UnboundParameter"/>), a JSON body that could not be
/// bound names every field at fault with the type it expects (<see cref="JsonBody"/>), a missing body says
/// one is required, and a concurrent change answers 409. Everything else falls through to the default
/// 500 problem.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad when UnboundParameter.Explain(httpContext, bad, json.Value.SerializerOptions) is { } errors =>
                errors.ToProblemDetails("A value in the address could not be read."),
            BadHttpRequestException bad when JsonBody.ExpectedType(httpContext) is { } type => await UnreadableBodyAsync(httpContext, bad, type),
            BadHttpRequestException bad => new ProblemDetails
            {
                Title = "The request could not be read.",
                Detail = bad.Message,
                Status = bad.StatusCode,
            },
            ConcurrencyConflictException => new ProblemDetails
            {
                Title = "The record was changed by another request.",
                Detail = "Read it again and retry your change.",
                Status = StatusCodes.Status409Conflict,
            },
            StoreUnavailableException unavailable => new ProblemDetails
            {
                Title = "The store cannot take the change right now.",
                Detail = $"{unavailable.Message} Nothing was written; retry shortly.",
                Status = StatusCodes.Status503ServiceUnavailable,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private async Task<ProblemDetails> UnreadableBodyAsync(HttpContext httpContext, BadHttpRequestException bad, Type type)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType && JsonBody.HasBody(httpContext))
        {
            return new ProblemDetails
            {
                Title = "Unsupported Media Type",
                Detail = $"Send the body as JSON with Content-Type: application/json, not {httpContext.Request.ContentType ?? "without a type"}.",
                Status = bad.StatusCode,
            };
        }

        var errors = await JsonBody.ProblemsAsync(httpContext, type, json.Value.SerializerOptions);
        if (errors is null)
        {
            errors = new ValidationErrors();
            errors.Add(FieldOf((bad.InnerException as JsonException)?.Path), "The body could not be read as the expected JSON.");
        }

        return errors.ToProblemDetails("The request body could not be read.");
    }

    internal static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
