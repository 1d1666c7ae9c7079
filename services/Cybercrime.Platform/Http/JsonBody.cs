using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Explains a JSON body the framework could not bind. System.Text.Json stops at the first value of the
/// wrong type; this reads the whole body again and checks every value against the type the endpoint
/// binds, so the answer names every wrongly typed field with the type it expects. Every service's JSON
/// bodies get this through <see cref="ProblemExceptionHandler"/>; the body is buffered to be read twice.
/// </summary>
internal static class JsonBody
{
    public const string Required = "A JSON body is required.";

    /// <summary>The type the endpoint binds from a JSON body, if it takes one (the exception handler has cleared the endpoint, not its feature).</summary>
    public static Type? ExpectedType(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
        && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))
            ? type
            : null;

    /// <summary>Every problem of the body, or null when it cannot be read again (then the caller keeps the framework's reason).</summary>
    public static async Task<ValidationErrors?> ProblemsAsync(HttpContext http, Type type, JsonSerializerOptions options)
    {
        var errors = new ValidationErrors();
        if (!HasBody(http))
        {
            errors.Add("body", Required);
            return errors;
        }

        if (!http.Request.Body.CanSeek)
        {
            return null;
        }

        http.Request.Body.Position = 0;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var bytes = body.ToArray();
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            errors.Add("body", Required);
            return errors;
        }

        var depth = options.MaxDepth == 0 ? 64 : options.MaxDepth;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = depth });
        }
        catch (JsonException e)
        {
            errors.Add("body", $"The body is not valid JSON, or nests deeper than {depth} levels (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return errors;
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                errors.Add("body", Required);
                return errors;
            }

            Check(document.RootElement, type, "", options, errors);
            return errors.Any ? errors : null;
        }
    }

    /// <summary>
    /// Routing refuses a body of another type with a bare 415 before any endpoint runs; every route that
    /// takes a body of its own type (a CSV import) answers its own 415, so the bare one is about JSON.
    /// </summary>
    public static void ExplainUnsupportedType(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is { Status: StatusCodes.Status415UnsupportedMediaType, Detail: null } problem)
        {
            problem.Detail = $"Send the body as JSON with Content-Type: application/json, not {context.HttpContext.Request.ContentType ?? "without a type"}.";
        }
    }

    /// <summary>Whether the request carries a body at all (a length above 0, or chunks).</summary>
    public static bool HasBody(HttpContext http) =>
        http.Request.ContentLength is null or > 0 && http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;

    private static void Check(JsonElement value, Type type, string path, JsonSerializerOptions options, ValidationErrors errors)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Check(!type.IsValueType || underlying is not null, Field(path), $"Expected {Describe(type, options)}, not null.");
            return;
        }

        type = underlying ?? type;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable when value.ValueKind == JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, info.ElementType!, $"{path}[{i++}]", options, errors);
                }

                return;
            case JsonTypeInfoKind.Object when value.ValueKind == JsonValueKind.Object:
                var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                var seen = new HashSet<string>(options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                foreach (var member in value.EnumerateObject())
                {
                    var field = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    if (!seen.Add(member.Name))
                    {
                        errors.Add(field, "Given more than once; send each field once.");
                    }
                    else if (info.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, comparison)) is { } property)
                    {
                        Check(member.Value, property.PropertyType, path.Length == 0 ? property.Name : $"{path}.{property.Name}", options, errors);
                    }
                }

                return;
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Object:
                errors.Add(Field(path), $"Expected {Describe(type, options)}.");
                return;
        }

        try
        {
            value.Deserialize(info);
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or NotSupportedException or InvalidOperationException)
        {
            // Enum converters list the allowed names themselves; the runtime's own messages name CLR types.
            errors.Add(Field(path), type.IsEnum && e is JsonException ? e.Message : $"Expected {Describe(type, options)}.");
        }
    }

    private static string Field(string path) => path.Length == 0 ? "body" : path;

    /// <summary>The expected type in the API's words.</summary>
    internal static string Describe(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(DateOnly))
        {
            return "a date (ISO 8601, e.g. 2020-05-04)";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "a date and time (ISO 8601, e.g. 2020-05-04T09:00:00Z)";
        }

        if (type == typeof(Guid))
        {
            return "an id (a GUID)";
        }

        if (type.IsEnum)
        {
            return $"one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).Order(StringComparer.Ordinal))}";
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => $"a list, each item {Describe(info.ElementType!, options)}",
            JsonTypeInfoKind.Dictionary => "an object of names and values",
            JsonTypeInfoKind.Object => "an object",
            _ => "a value of another type",
        };
    }
}
