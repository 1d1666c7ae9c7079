using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Explains a query or route value the framework could not bind (<c>?overdue=maybe</c>, <c>?year=abc</c>):
/// the framework's own message names a CLR type (<c>Nullable&lt;bool&gt; overdue</c>); the answer names the
/// parameter as a field, with the type it expects in the API's words, as a body's wrongly typed values are.
/// </summary>
internal static partial class UnboundParameter
{
    private const int MaxValueShown = 64;

    public static ValidationErrors? Explain(HttpContext http, BadHttpRequestException bad, JsonSerializerOptions options)
    {
        var match = FrameworkMessage().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var value = match.Groups["value"].Value;
        value = value.Length > MaxValueShown ? $"{value[..MaxValueShown]}…" : value;
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
        var errors = new ValidationErrors();
        errors.Add(name, type is null ? $"'{value}' cannot be read here." : $"Expected {JsonBody.Describe(type, options)}, not '{value}'.");
        return errors;
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FrameworkMessage();
}
