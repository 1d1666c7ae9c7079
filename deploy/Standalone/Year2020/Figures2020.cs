using System.Globalization;
using System.Text.Json;

namespace Cybercrime.Standalone.Year2020;

/// <summary>One figure of the 2020 report: what it says, the summary query that gives it, and its value.</summary>
internal sealed record Figure(string Says, string Query, string Field, long Expected)
{
    /// <summary>Reads the figure from the query's answer; null when the answer does not hold it (yet).</summary>
    public Func<JsonElement, long?> Read { get; init; } = answer => Figures2020.At(answer, Field);

    /// <summary>A yes-or-no figure (1 when the answer shows it as planned), shown as yes or no rather than as a count.</summary>
    public bool Check { get; init; }

    /// <summary>The value as the console shows it.</summary>
    public string Show(long? actual) => Check
        ? (actual == Expected ? "yes" : "no")
        : actual?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";
}

/// <summary>Every figure as reporting answered it; written out, the ones not (yet) as planned.</summary>
internal sealed record Readings(IReadOnlyList<(Figure Figure, long? Actual)> All)
{
    public bool Exact => All.All(f => f.Actual == f.Figure.Expected);

    public override string ToString() => string.Join("; ", All.Where(f => f.Actual != f.Figure.Expected)
        .Select(f => $"{f.Figure.Says}: {f.Actual?.ToString(CultureInfo.InvariantCulture) ?? "none"}, not {f.Figure.Expected} ({f.Figure.Query} {f.Figure.Field})"));
}

/// <summary>
/// The figures the report to the Commission gives for 2020, each read from the reporting summary that
/// gives it. The data set is planned so that every one comes out exact.
/// </summary>
internal static class Figures2020
{
    private const string Training = "/reporting/training/summary?year=2020";
    private const string Awareness = "/reporting/awareness/summary?year=2020";
    private const string ExpertGroup = "/reporting/expert-group/summary?year=2020";

    public static readonly IReadOnlyList<Figure> Table =
    [
        new("criminal-justice practitioners trained", Training, "criminalJusticePractitioners", 2440),
        new("countries they came from", Training, "criminalJusticeCountries", 64),
        new("officers trained on cryptocurrency and darknet investigations", $"{Training}&topic=cryptocurrency", "practitionersTrained", 130),
        new("participants in the online diploma", $"{Training}&format=multi-week-course", "practitionersTrained", 1000),
        new("countries of the diploma's participants", $"{Training}&format=multi-week-course", "countries", 44),
        new("teachers trained on prevention", $"{Training}&topic=prevention", "byAgencyType.education", 5600),
        new("justice officials trained on requesting digital evidence", $"{Training}&topic=digital-evidence", "criminalJusticePractitioners", 655),
        new("countries of those officials", $"{Training}&topic=digital-evidence", "criminalJusticeCountries", 5),
        new("IT staff and teachers trained on incident response", $"{Training}&topic=incident-response", "practitionersTrained", 650),
        new("webinar participants", $"{Awareness}&kind=webinar", "activityParticipants", 7832),
        new("countries of the webinar participants", $"{Awareness}&kind=webinar", "activityCountries", 15),
        new("people in awareness activities", Awareness, "activityParticipants", 24400),
        new("views of the TV Azteca campaign, the most viewed", Awareness, "campaigns.0.views", 28_500_000)
        {
            Read = answer => Text(answer, "campaigns.0.name") is { } name && name.Contains("TV Azteca", StringComparison.Ordinal)
                ? At(answer, "campaigns.0.views") : null,
        },
        new("views on Twitter and LinkedIn", Awareness, "viewsByChannel.twitter + viewsByChannel.linkedin", 2_800_000)
        {
            Read = answer => At(answer, "viewsByChannel.twitter") + At(answer, "viewsByChannel.linkedin"),
        },
        new("Expert Group meeting held", ExpertGroup, "meetingsHeld", 1),
        new("Expert Group meeting postponed", ExpertGroup, "meetingsPostponed", 1),
        new("the sixth meeting, hybrid, 27–29 July 2020, postponed from 6–8 April 2020", ExpertGroup, "meetings.0", 1)
        {
            Check = true,
            Read = answer => Text(answer, "meetings.0.number") == "6" && Text(answer, "meetings.0.format") == "hybrid"
                && Text(answer, "meetings.0.start") == "2020-07-27" && Text(answer, "meetings.0.end") == "2020-07-29"
                && Text(answer, "meetings.0.originalStart") == "2020-04-06" && Text(answer, "meetings.0.originalEnd") == "2020-04-08" ? 1 : 0,
        },
        // The year's one published document.
        new($"document {ExpertGroupPlan.Symbol} published", ExpertGroup, "documents.0.symbol", 1)
        {
            Check = true,
            Read = answer => Text(answer, "documents.0.symbol") == ExpertGroupPlan.Symbol && Text(answer, "documents.1.symbol") is null ? 1 : 0,
        },
    ];

    /// <summary>Every figure as reporting answers it now, asking each summary once.</summary>
    public static async Task<Readings> ReadAsync(YearApi api, Uri reporting, CancellationToken stopping)
    {
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var query in Table.Select(f => f.Query).Distinct())
        {
            answers[query] = await api.GetAsync(reporting, null, "hq-reporting", query, stopping);
        }

        return new Readings([.. Table.Select(f => (f, f.Read(answers[f.Query])))]);
    }

    /// <summary>Asks until every figure is as planned or the deadline passes; answers the figures as last read.</summary>
    /// <param name="progress">Told every few seconds how many figures are as planned so far.</param>
    public static async Task<Readings> WaitAsync(YearApi api, Uri reporting, TimeSpan deadline, Action<int, int> progress, CancellationToken stopping)
    {
        var until = DateTime.UtcNow + deadline;
        var told = DateTime.UtcNow;
        var figures = await ReadAsync(api, reporting, stopping);
        while (!figures.Exact && DateTime.UtcNow < until)
        {
            if (DateTime.UtcNow - told > TimeSpan.FromSeconds(5))
            {
                progress(figures.All.Count(f => f.Actual == f.Figure.Expected), figures.All.Count);
                told = DateTime.UtcNow;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
            figures = await ReadAsync(api, reporting, stopping);
        }

        return figures;
    }

    /// <summary>The number at a dotted path (<c>byAgencyType.education</c>, <c>campaigns.0.views</c>), or null.</summary>
    public static long? At(JsonElement answer, string path) =>
        Find(answer, path) is { ValueKind: JsonValueKind.Number } number ? number.GetInt64() : null;

    private static string? Text(JsonElement answer, string path) => Find(answer, path) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static JsonElement? Find(JsonElement answer, string path)
    {
        var at = answer;
        foreach (var step in path.Split('.'))
        {
            if (at.ValueKind == JsonValueKind.Array && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < at.GetArrayLength())
            {
                at = at[index];
            }
            else if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(step, out at))
            {
                return null;
            }
        }

        return at;
    }
}
