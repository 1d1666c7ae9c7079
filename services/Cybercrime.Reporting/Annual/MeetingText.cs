using System.Globalization;
using System.Text.Json.Nodes;

namespace Cybercrime.Reporting.Annual;

/// <summary>The words the report uses for the expert group's meetings and lists: "27–29 July 2020", "A, B and C".</summary>
internal static class MeetingText
{
    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>
    /// " The sixth meeting of the Expert Group, planned for 6–8 April 2020, was postponed and held on 27–29 July 2020
    /// in hybrid form." for each meeting held, or "": one sentence per meeting, so a postponed meeting that was held
    /// never reads as two meetings.
    /// </summary>
    public static string Held(JsonArray meetings) =>
        string.Concat(meetings.OfType<JsonObject>().Where(m => Text(m, "status") == "held").Select(m => $" {Describe(m)}"));

    public static string List(IReadOnlyList<string> items) =>
        items.Count < 2 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Describe(JsonObject meeting)
    {
        var original = Dates(meeting, "originalStart", "originalEnd");
        var held = Dates(meeting, "start", "end") is { } dates ? $" on {dates}" : "";
        var form = Text(meeting, "format") switch
        {
            "in-person" => " in person",
            "online" => " online",
            { } other => $" in {other.Replace('-', ' ')} form",
            null => "",
        };
        return original is null
            ? $"{Name(meeting)} was held{held}{form}."
            : $"{Name(meeting)}, planned for {original}, was postponed and held{held}{form}.";
    }

    /// <summary>"The sixth meeting of the Expert Group" from its number and body; its title when the number has no word here.</summary>
    private static string Name(JsonObject meeting)
    {
        var body = Text(meeting, "body") switch
        {
            "expert-group" => "the Expert Group",
            "ad-hoc-committee" => "the Ad Hoc Committee",
            _ => null,
        };
        var number = meeting["number"] is JsonValue value && value.TryGetValue<int>(out var n) ? n : 0;
        return number >= 1 && number <= Ordinals.Length && body is not null
            ? $"The {Ordinals[number - 1]} meeting of {body}"
            : Text(meeting, "title") ?? "A meeting";
    }

    /// <summary>"27 July 2020", "27–29 July 2020", "30 June – 2 July 2020", "30 December 2020 – 2 January 2021"; null without a start.</summary>
    private static string? Dates(JsonObject meeting, string start, string end)
    {
        if (!DateOnly.TryParse(Text(meeting, start), CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        var to = DateOnly.TryParse(Text(meeting, end), CultureInfo.InvariantCulture, out var e) ? e : from;
        return to == from ? Day(from, year: true)
            : (from.Year, from.Month) == (to.Year, to.Month) ? $"{from.Day}–{Day(to, year: true)}"
            : from.Year == to.Year ? $"{Day(from, year: false)} – {Day(to, year: true)}"
            : $"{Day(from, year: true)} – {Day(to, year: true)}";
    }

    private static string Day(DateOnly date, bool year) =>
        date.ToString(year ? "d MMMM yyyy" : "d MMMM", CultureInfo.InvariantCulture);

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
