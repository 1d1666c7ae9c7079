using System.Globalization;
using System.Text.Json.Nodes;

namespace Cybercrime.Reporting.Annual;

/// <summary>The words the report uses for the expert group's meetings and lists: "27–29 July 2020", "A, B and C".</summary>
internal static class MeetingText
{
    /// <summary>" (title, hybrid, 27–29 July 2020, postponed from 6–8 April 2020; …)" for the meetings held, or "".</summary>
    public static string Held(JsonArray meetings)
    {
        var held = meetings.OfType<JsonObject>().Where(m => Text(m, "status") == "held").Select(Describe).ToList();
        return held.Count == 0 ? "" : $" ({string.Join("; ", held)})";
    }

    public static string List(IReadOnlyList<string> items) =>
        items.Count < 2 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Describe(JsonObject meeting)
    {
        var parts = new List<string?> { Text(meeting, "title"), Text(meeting, "format")?.Replace('-', ' '), Dates(meeting, "start", "end") };
        if (Dates(meeting, "originalStart", "originalEnd") is { } original)
        {
            parts.Add($"postponed from {original}");
        }

        return string.Join(", ", parts.OfType<string>());
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
