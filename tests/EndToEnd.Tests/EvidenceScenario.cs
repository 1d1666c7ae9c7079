using System.Globalization;
using System.Text.Json.Nodes;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The test's own model of a year of evidence requests, and the summary it must produce, computed here
/// from the scenario alone (not with reporting's code), so that the two can disagree.
/// </summary>
internal static class EvidenceScenario
{
    /// <summary>A request and its dated steps; <see cref="Submitted"/> null for a draft left as it is.</summary>
    public sealed record Request(
        string Office, string Country, string Addressee, string Type, string Crime, string Priority, string Case, string? Submitted,
        string? Acknowledged = null, (string Asked, string Answered)? Information = null, string? Outcome = null, string? OutcomeOn = null,
        string? Withdrawn = null)
    {
        public bool IsState => Addressee.Length == 3 && Addressee.All(char.IsUpper);

        public object Body() => new
        {
            requestingCountry = Country,
            requestingAgency = "prosecution",
            addressee = IsState ? (object)new { state = Addressee } : new { provider = Addressee },
            requestType = Type,
            crimeCategory = Crime,
            priority = Priority,
            caseReference = Case,
        };

        /// <summary>The steps to record, in order, each with its body.</summary>
        public IEnumerable<(string Step, object Body)> Steps()
        {
            if (Submitted is null)
            {
                yield break;
            }

            yield return ("submission", new { on = Submitted });
            if (Acknowledged is not null)
            {
                yield return ("acknowledgement", new { on = Acknowledged });
            }

            if (Information is { } information)
            {
                yield return ("information-request", new { on = information.Asked });
                yield return ("answer", new { on = information.Answered });
            }

            if (Outcome is not null)
            {
                yield return ("outcome", Outcome == "refused"
                    ? new { on = OutcomeOn, outcome = Outcome, refusalReason = "no-data-held" }
                    : new { on = OutcomeOn, outcome = Outcome });
            }

            if (Withdrawn is not null)
            {
                yield return ("withdrawal", new { on = Withdrawn });
            }
        }

        public int? TurnaroundDays => Outcome is null ? null : Day(OutcomeOn!).DayNumber - Day(Submitted!).DayNumber;

        public bool Open => Submitted is not null && Outcome is null && Withdrawn is null;
    }

    /// <summary>The summary for <paramref name="year"/>, every open request of which is past its due date by now.</summary>
    public static JsonObject ExpectedSummary(int year, Request[] requests)
    {
        var inYear = requests.Where(r => r.Submitted is not null && Day(r.Submitted).Year == year).ToList();
        var decided = inYear.Where(r => r.Outcome is not null).ToList();
        var granted = decided.Count(r => r.Outcome != "refused");
        return new JsonObject
        {
            ["year"] = year,
            ["requests"] = inYear.Count,
            ["cases"] = inYear.Select(r => (r.Office, r.Case)).Distinct().Count(),
            ["byAddressee"] = Counts(inYear.Select(r => r.Addressee)),
            ["byRequestType"] = Counts(inYear.Select(r => r.Type)),
            ["byCrimeCategory"] = Counts(inYear.Select(r => r.Crime)),
            ["byOutcome"] = new JsonObject
            {
                ["fulfilled"] = decided.Count(r => r.Outcome == "fulfilled"),
                ["partially-fulfilled"] = decided.Count(r => r.Outcome == "partially-fulfilled"),
                ["refused"] = decided.Count(r => r.Outcome == "refused"),
                ["withdrawn"] = inYear.Count(r => r.Withdrawn is not null),
            },
            ["open"] = inYear.Count(r => r.Open),
            ["overdue"] = inYear.Count(r => r.Open),
            ["fulfilmentRate"] = decided.Count == 0 ? null : (double)granted / decided.Count,
            ["turnaroundDays"] = Turnaround(decided),
            ["turnaroundByAddressee"] = new JsonObject(decided.GroupBy(r => r.Addressee).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Turnaround([.. g])))),
            ["emergency"] = new JsonObject
            {
                ["requests"] = inYear.Count(r => r.Priority == "emergency"),
                ["medianTurnaroundDays"] = Median(Sorted(decided.Where(r => r.Priority == "emergency"))),
            },
        };
    }

    private static JsonObject Turnaround(IReadOnlyCollection<Request> decided)
    {
        var days = Sorted(decided);
        return new JsonObject
        {
            ["count"] = days.Count,
            ["median"] = Median(days),
            ["p90"] = days.Count == 0 ? null : days[(int)Math.Ceiling(0.9m * days.Count) - 1],
        };
    }

    private static List<int> Sorted(IEnumerable<Request> decided) => [.. decided.Select(r => r.TurnaroundDays!.Value).Order()];

    private static double? Median(List<int> days) =>
        days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0;

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static JsonObject Counts(IEnumerable<string> keys) =>
        new(keys.CountBy(k => k).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
