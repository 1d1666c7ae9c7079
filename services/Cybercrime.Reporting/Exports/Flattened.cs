using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Exports;

/// <summary>
/// An answer as the rows of an export: serialised with the contract's JSON conventions, then each
/// scalar one row named by its dotted path (<c>byAgencyType.education</c>, <c>campaigns.0.views</c>).
/// Empty objects and lists give no row.
/// </summary>
internal static class Flattened
{
    public static JsonNode? Serialise(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), ContractJson.Options);

    public static IEnumerable<(string Path, JsonValue? Value)> Rows(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var row in Rows(child, Join(path, key)))
                    {
                        yield return row;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var row in Rows(array[i], Join(path, i.ToString(CultureInfo.InvariantCulture))))
                    {
                        yield return row;
                    }
                }

                break;
            default:
                yield return (path, node?.AsValue());
                break;
        }
    }

    /// <summary>A scalar as text: numbers as JSON writes them (invariant, no separators), null as empty.</summary>
    public static string Text(JsonValue? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "",
        JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
