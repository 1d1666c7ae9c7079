using Cybercrime.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cybercrime.Platform.Http;

/// <summary>The RFC 9457 answers the services give, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    /// <summary>409 for a change the record does not allow as it is.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>409 naming the record's current state, so the caller sees why the change does not apply.</summary>
    public static ProblemHttpResult Conflict<TState>(string title, TState currentState) where TState : struct, Enum =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: title,
            detail: $"The current state is {ContractJson.Name(currentState)}.",
            extensions: new Dictionary<string, object?> { ["currentState"] = ContractJson.Name(currentState) });
}
