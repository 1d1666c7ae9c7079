using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

/// <summary>The report's year and filters, and how a section links a figure to the summary query that gives it.</summary>
internal sealed record ReportFilter(int Year, string? Office, ProgrammeRegion? Region)
{
    /// <summary>
    /// The summary's query with the filters the area supports, then its own (<c>topic=</c>, <c>kind=</c>):
    /// <c>/reporting/training/summary?year=2020&amp;office=GUA&amp;topic=cryptocurrency</c>.
    /// </summary>
    public string Href(string area, bool byOffice, bool byRegion, params (string Name, string? Value)[] more)
    {
        (string Name, string? Value)[] parameters =
        [
            ("year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("office", byOffice ? Office : null),
            ("region", byRegion && Region is { } r ? ContractJson.Name(r) : null),
            .. more,
        ];
        return $"/reporting/{area}/summary?{string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"))}";
    }

    /// <summary>"{why}: the figures below are for every office." for a section no filter applies to, when one was asked for; else null.</summary>
    public string? Unfiltered(string why)
    {
        var ignored = new[] { Office is null ? null : "office", Region is null ? null : "region" }.OfType<string>().ToList();
        return ignored.Count == 0 ? null : $"{why}: the figures below are for every {string.Join(" and ", ignored)}.";
    }
}
