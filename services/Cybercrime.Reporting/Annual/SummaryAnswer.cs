using System.Text.Json.Nodes;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.Annual;

/// <summary>
/// A summary as its route answers it (serialised with the contract's conventions) and the query that gives
/// it: a figure's value is read from the very fields it names, so <c>value</c> is always the sum of <c>fields</c>.
/// </summary>
internal sealed class SummaryAnswer(object summary, string href)
{
    public JsonNode? Json { get; } = Flattened.Serialise(summary);

    public Figure Figure(string name, params string[] fields) => new(name, fields.Sum(Read), href, fields);

    public Figure Views(string name, params string[] fields) => Figure(name, fields) with { InMillions = true };

    /// <summary>The text at a dotted path (<c>campaigns.0.name</c>), or null.</summary>
    public string? Text(string path) => At(path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public JsonArray List(string path) => At(path) as JsonArray ?? [];

    private double Read(string path) => At(path) is JsonValue value && value.TryGetValue<double>(out var number) ? number : 0;

    private JsonNode? At(string path)
    {
        var node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[part],
                JsonArray array when int.TryParse(part, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }
}
