using System.Text.Json.Nodes;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The test's own model of a training year and the summary it must produce, computed here from the
/// scenario alone (not with reporting's code), so that the two can disagree.
/// </summary>
internal static class Scenario
{
    public sealed record Session(string Key, string Office, string EndDate, string[] Topics, string Format, string? HostCountry)
    {
        public object Body() => new
        {
            title = Key,
            topics = Topics,
            format = Format,
            languages = new[] { "en" },
            startDate = DateOnly.Parse(EndDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endDate = EndDate,
            hostCountry = HostCountry,
        };
    }

    public sealed record Enrolment(string Session, string Ref, string Gender, string Country, string Agency, bool Completed)
    {
        public object Body() => new { participant = new { externalRef = Ref, gender = Gender, countryCode = Country, agencyType = Agency } };
    }

    public static JsonObject ExpectedSummary(int year, Session[] sessions, Enrolment[] enrolments)
    {
        var inYear = sessions.Where(s => s.EndDate.StartsWith($"{year}-", StringComparison.Ordinal)).ToDictionary(s => s.Key);
        var participations = enrolments.Where(e => inYear.ContainsKey(e.Session)).ToList();
        // A person is an office's reference; their attributes are those of their latest completion.
        var people = participations.Where(e => e.Completed)
            .GroupBy(e => (inYear[e.Session].Office, e.Ref))
            .Select(g => (Person: g.Key, Latest: g.OrderBy(e => inYear[e.Session].EndDate, StringComparer.Ordinal).Last(), Topics: g.SelectMany(e => inYear[e.Session].Topics).Distinct()))
            .ToList();

        return new JsonObject
        {
            ["year"] = year,
            ["practitionersTrained"] = people.Count,
            ["countries"] = people.Select(p => p.Latest.Country).Distinct().Count(),
            ["participations"] = participations.Count,
            ["byTopic"] = Counts(people.SelectMany(p => p.Topics)),
            ["byGender"] = Counts(people.Select(p => p.Latest.Gender)),
            ["byAgencyType"] = Counts(people.Select(p => p.Latest.Agency)),
        };
    }

    /// <summary>The JSON text with every object's members sorted, so that member order does not matter.</summary>
    public static string Canonical(JsonNode node) => Sorted(node)!.ToJsonString();

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        _ => node?.DeepClone(),
    };

    private static JsonObject Counts(IEnumerable<string> keys) =>
        new(keys.CountBy(k => k).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
