using Microsoft.AspNetCore.Http;

namespace Cybercrime.Platform.Http;

/// <summary>Collects field-level messages (camelCase paths such as <c>topics[1]</c>) for an RFC 9457 answer.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
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

    public IResult ToResult() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request has invalid fields.");
}
