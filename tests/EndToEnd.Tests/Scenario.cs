using System.Globalization;
using System.Text.Json.Nodes;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The test's own model of a training year, written out by hand, and the summary it must produce,
/// computed here from the scenario alone (not with reporting's code), so that the two can disagree.
/// </summary>
internal static class Scenario
{
    public sealed record Session(
        string Key, string Office, string EndDate, string[] Topics, string Format, string? HostCountry,
        int? Capacity = null, bool TrainTheTrainer = false, string[]? AmendedTopics = null, bool Cancelled = false, (string Country, string Gender, int Count)[]? Headcounts = null)
    {
        public int Year => int.Parse(EndDate[..4], CultureInfo.InvariantCulture);

        public string[] FinalTopics => AmendedTopics ?? Topics;

        public object Body(string[]? topics = null) => new
        {
            title = Key,
            topics = topics ?? Topics,
            format = Format,
            languages = new[] { "en" },
            startDate = DateOnly.Parse(EndDate, CultureInfo.InvariantCulture).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = EndDate,
            hostCountry = HostCountry,
            capacity = Capacity,
            trainTheTrainer = TrainTheTrainer,
        };

        public object HeadcountBody() => new { counts = (Headcounts ?? []).Select(h => new { countryCode = h.Country, gender = h.Gender, count = h.Count }) };
    }

    /// <summary>One person's enrolment: the steps the office records, and where the person ends up.</summary>
    public sealed record Enrolment(string Session, string Ref, string Gender, string Country, string Agency, string[] Steps, string Final)
    {
        public object Body() => new { participant = new { externalRef = Ref, gender = Gender, countryCode = Country, agencyType = Agency } };
    }

    /// <summary>Where a registration stands after the office records <paramref name="step"/>.</summary>
    public static string StatusAfter(string step) => step switch
    {
        "attendance" => "attended",
        "completion" => "completed",
        "cancellation" => "cancelled",
        "no-show" => "no-show",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step."),
    };

    public static JsonObject ExpectedSummary(int year, Session[] sessions, Enrolment[] enrolments)
    {
        var held = sessions.Where(s => s.Year == year && !s.Cancelled).ToDictionary(s => s.Key);
        var inYear = enrolments.Where(e => held.ContainsKey(e.Session)).ToList();
        var completed = inYear.Where(e => e.Final == "completed").ToList();
        // A person is an office's reference; their attributes are those of their latest completion.
        var people = completed
            .GroupBy(e => (held[e.Session].Office, e.Ref))
            .Select(g => (Person: g.Key, Latest: g.OrderBy(e => held[e.Session].EndDate, StringComparer.Ordinal).Last(), Sessions: g.Select(e => held[e.Session]).ToList()))
            .ToList();

        // Criminal justice: law enforcement, prosecution and the judiciary, by the latest completion's agency.
        var criminalJustice = people.Where(p => p.Latest.Agency is "law-enforcement" or "prosecution" or "judiciary").ToList();
        return new JsonObject
        {
            ["year"] = year,
            ["office"] = null,
            ["region"] = null,
            ["topic"] = null,
            ["format"] = null,
            ["practitionersTrained"] = people.Count,
            ["countries"] = people.Select(p => p.Latest.Country).Distinct().Count(),
            ["participations"] = inYear.Count(e => e.Final is "registered" or "attended" or "completed"),
            ["completions"] = completed.Count,
            ["trainTheTrainerGraduates"] = people.Count(p => p.Sessions.Any(s => s.TrainTheTrainer)),
            ["headcountParticipants"] = held.Values.Sum(s => (s.Headcounts ?? []).Sum(h => h.Count)),
            ["byTopic"] = Counts(people.SelectMany(p => p.Sessions.SelectMany(s => s.FinalTopics).Distinct())),
            ["byCountry"] = Counts(people.Select(p => p.Latest.Country)),
            ["byGender"] = Counts(people.Select(p => p.Latest.Gender)),
            ["byAgencyType"] = Counts(people.Select(p => p.Latest.Agency)),
            ["byFormat"] = Counts(people.SelectMany(p => p.Sessions.Select(s => s.Format).Distinct())),
            ["byOffice"] = Counts(people.Select(p => p.Person.Office)),
            ["criminalJusticePractitioners"] = criminalJustice.Count,
            ["criminalJusticeCountries"] = criminalJustice.Select(p => p.Latest.Country).Distinct().Count(),
            ["byRegion"] = Counts(people.Select(p => p.Person.Office switch { "GUA" or "SAL" => "latin-america-caribbean", "NBO" or "DKR" => "africa", "BKK" => "asia-pacific", _ => "global" })),
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
