using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cybercrime.Contracts;

/// <summary>
/// The JSON conventions of every contract, on the wire and in the HTTP API alike:
/// camelCase members, enums as kebab-case strings, ISO 8601 dates.
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = Frozen();

    /// <summary>Applies the conventions to options owned by a framework (ASP.NET Core, MassTransit).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Dictionary keys are data (country codes, offices), never renamed.
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        // {"value":1,"value":2} is a mistake, or an attempt to slip one value past a check: refused, never "the last wins".
        options.AllowDuplicateProperties = false;
        if (!options.Converters.OfType<KebabCaseEnumConverter>().Any())
        {
            options.Converters.Add(new KebabCaseEnumConverter());
        }

        return options;
    }

    private static JsonSerializerOptions Frozen()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads an enum from its wire name, as a query string carries it.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The wire names of an enum's values, to tell a caller what is allowed.</summary>
    public static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v)));

    /// <summary>The wire name of an enum value, e.g. <c>DigitalForensics</c> → <c>digital-forensics</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
