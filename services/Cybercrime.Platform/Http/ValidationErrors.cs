using Microsoft.AspNetCore.Http;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Collects field-level messages (camelCase paths such as <c>topics[1]</c>) for an RFC 9457 answer.
/// The answer lists the first <see cref="MaxFields"/> fields and counts the rest, so that a huge bad
/// request gets a small answer.
/// </summary>
public sealed class ValidationErrors
{
    public const int MaxFields = 100;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unlisted = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Invalid fields beyond the first <see cref="MaxFields"/>, counted but not listed.</summary>
    public int Unlisted => _unlisted.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            if (_errors.Count >= MaxFields)
            {
                _unlisted.Add(field);
                return;
            }

            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> unless <paramref name="valid"/> holds; returns <paramref name="valid"/>.</summary>
    public bool Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return valid;
    }

    private string UnlistedDetail => $"{Unlisted} more invalid fields are not listed; only the first {MaxFields} are.";

    public IResult ToResult(string title = "The request has invalid fields.") => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: title,
        detail: Unlisted == 0 ? null : UnlistedDetail,
        extensions: Unlisted == 0 ? null : new Dictionary<string, object?> { ["unlistedFields"] = Unlisted });

    public HttpValidationProblemDetails ToProblemDetails(string title = "The request has invalid fields.")
    {
        var problem = new HttpValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Title = title,
            Status = StatusCodes.Status400BadRequest,
        };
        if (Unlisted > 0)
        {
            problem.Detail = UnlistedDetail;
            problem.Extensions["unlistedFields"] = Unlisted;
        }

        return problem;
    }
}
