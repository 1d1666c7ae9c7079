using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

/// <summary>The report's year and filters, and how a section links a figure to the summary query that gives it.</summary>
internal sealed record ReportFilter(int Year, string? Office, ProgrammeRegion? Region)
{
    /// <summary>
    /// The summary's query with the report's filters, then its own (<c>topic=</c>, <c>kind=</c>):
    /// <c>/reporting/training/summary?year=2020&amp;office=GUA&amp;topic=cryptocurrency</c>.
    /// </summary>
    public string Href(string area, params (string Name, string? Value)[] more) =>
        Query(area, [("office", Office), ("region", Region is { } r ? ContractJson.Name(r) : null), .. more]);

    /// <summary>The query of a summary that no office or region narrows (the expert group's).</summary>
    public string GlobalHref(string area) => Query(area, []);

    private string Query(string area, (string Name, string? Value)[] parameters) =>
        $"/reporting/{area}/summary?year={Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        + string.Concat(parameters.Where(p => p.Value is not null).Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>"{why}: the figures below are for every office." for a section no filter applies to, when one was asked for; else null.</summary>
    public string? Unfiltered(string why)
    {
        var ignored = new[] { Office is null ? null : "office", Region is null ? null : "region" }.OfType<string>().ToList();
        return ignored.Count == 0 ? null : $"{why}: the figures below are for every {string.Join(" and ", ignored)}.";
    }
}
