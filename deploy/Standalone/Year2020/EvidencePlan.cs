using System.Globalization;
using System.Text;

namespace Cybercrime.Standalone.Year2020;

/// <summary>One past request as an office's file lists it, with the days of its steps (empty: not reached).</summary>
internal sealed record PlannedRequest(
    string Office, string Country, string Agency, string? Provider, string? State, string Type, string Crime, string Priority, string Case,
    DateOnly Submitted, DateOnly? Acknowledged, string? Outcome, DateOnly? OutcomeOn, string? RefusalReason, DateOnly? Withdrawn);

/// <summary>
/// The year's evidence requests that the offices support, imported from each office's file of past
/// requests: most to Facebook, Instagram, Microsoft and WhatsApp, about one in six by mutual legal
/// assistance to another state, answered in days by providers and in months by states; some refused,
/// withdrawn or still open. Drawn from a seeded <see cref="Random"/>.
/// </summary>
internal static class EvidencePlan
{
    private static readonly (string Office, string[] Countries, int Requests)[] Offices =
    [
        ("GUA", ["GTM", "HND", "BLZ", "CRI"], 38),
        ("SAL", ["SLV"], 34),
        ("BKK", ["THA", "PHL"], 14),
        ("NBO", ["KEN"], 8),
        ("DKR", ["SEN"], 6),
    ];

    private static readonly string[] Providers = ["facebook", "facebook", "facebook", "instagram", "instagram", "microsoft", "whatsapp", "whatsapp"];
    private static readonly string[] States = ["USA", "USA", "ESP", "MEX", "IRL"];
    private static readonly string[] Crimes = ["ocsea", "ocsea", "ocsea", "sexual-exploitation-of-adults", "fraud", "ransomware"];

    public static IReadOnlyList<PlannedRequest> Requests(int seed = 2020)
    {
        var random = new Random(seed);
        var requests = new List<PlannedRequest>();
        foreach (var (office, countries, count) in Offices)
        {
            for (var i = 0; i < count; i++)
            {
                var mla = random.Next(6) == 0;
                var submitted = new DateOnly(2020, 1, 8).AddDays(random.Next(330));
                var acknowledged = submitted.AddDays(mla ? 10 + random.Next(30) : 1 + random.Next(4));
                var answered = acknowledged.AddDays(mla ? 60 + random.Next(120) : 2 + random.Next(25));
                var (outcome, reason, withdrawn) = random.Next(10) switch
                {
                    0 => ("refused", mla ? "legal-grounds" : "no-data-held", false),
                    1 => ("partially-fulfilled", null, false),
                    2 => (null, null, true),
                    3 => (null, null, false),
                    _ => ("fulfilled", null, false),
                };
                var still = answered > new DateOnly(2020, 12, 31) || (outcome is null && !withdrawn);
                requests.Add(new PlannedRequest(
                    office, countries[random.Next(countries.Length)], random.Next(3) == 0 ? "law-enforcement" : "prosecution",
                    mla ? null : Providers[random.Next(Providers.Length)], mla ? States[random.Next(States.Length)] : null,
                    mla ? "content-data" : random.Next(4) == 0 ? "preservation" : "subscriber-information", Crimes[random.Next(Crimes.Length)],
                    "standard", $"{office}-2020-{i / 2 + 1:000}", submitted, acknowledged,
                    still || withdrawn ? null : outcome, still || withdrawn ? null : answered, still || withdrawn ? null : reason,
                    withdrawn ? acknowledged.AddDays(7) : null));
            }
        }

        return requests;
    }

    /// <summary>One office's requests as its file of past requests.</summary>
    public static string Csv(IEnumerable<PlannedRequest> requests)
    {
        var csv = new StringBuilder("requestingCountry,requestingAgency,provider,state,requestType,crimeCategory,priority,caseReference,submittedOn,acknowledgedOn,outcome,outcomeOn,refusalReason,withdrawnOn\n");
        foreach (var r in requests)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Country},{r.Agency},{r.Provider},{r.State},{r.Type},{r.Crime},{r.Priority},{r.Case},{Day(r.Submitted)},{Day(r.Acknowledged)},{r.Outcome},{Day(r.OutcomeOn)},{r.RefusalReason},{Day(r.Withdrawn)}\n");
        }

        return csv.ToString();
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
