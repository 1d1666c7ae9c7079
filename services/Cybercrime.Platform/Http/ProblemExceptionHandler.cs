using System.Text.Json;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Turns the failures a caller can fix into RFC 9457 answers: unreadable JSON names the field at
/// fault (<c>$.topics[0]</c> → <c>topics[0]</c>), and a concurrent change answers 409.
/// Everything else falls through to the default 500 problem.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(json.Path)] = [Describe(json)] })
            {
                Title = "The request body could not be read.",
                Status = StatusCodes.Status400BadRequest,
            },
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

    internal static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Keeps our converters' own messages; replaces the runtime's, which name CLR types.</summary>
    private static string Describe(JsonException json) =>
        json.Message.Contains("could not be converted", StringComparison.Ordinal) || json.Message.Contains("Path:", StringComparison.Ordinal)
            ? "The value is not of the expected type or format (dates are ISO 8601, e.g. 2020-05-04)."
            : json.Message;
}
