using System.Globalization;
using System.Text.RegularExpressions;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// The period a reach figure covers, written as a day <c>2020-05-04</c>, a month <c>2020-05</c>, a
/// quarter <c>2020-Q2</c> or a year <c>2020</c>; <see cref="Text"/> is that canonical spelling, part of
/// the observation's key, in ASCII digits and in the reporting years. A figure counts in the year of its period.
/// </summary>
internal sealed partial record Period(string Text, Granularity Granularity, DateOnly Start, DateOnly End)
{
    public static readonly string Formats =
        $"a day 2020-05-04, a month 2020-05, a quarter 2020-Q2 or a year 2020, in the reporting years {ReportingYears.First} to {ReportingYears.Last}";

    public int Year => Start.Year;

    public static Period? Parse(string? text)
    {
        var match = text is null ? null : Shape().Match(text);
        if (match is null || !match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!ReportingYears.Contains(year))
        {
            return null;
        }

        if (match.Groups["quarter"].Success)
        {
            var first = new DateOnly(year, (3 * (match.Groups["quarter"].Value[0] - '1')) + 1, 1);
            return new Period(text!, Granularity.Quarter, first, first.AddMonths(3).AddDays(-1));
        }

        if (!match.Groups["month"].Success)
        {
            return new Period(text!, Granularity.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        if (!match.Groups["day"].Success)
        {
            var start = new DateOnly(year, month, 1);
            return new Period(text!, Granularity.Month, start, start.AddMonths(1).AddDays(-1));
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new Period(text!, Granularity.Day, new DateOnly(year, month, day), new DateOnly(year, month, day))
            : null;
    }

    /// <summary>Whether the period shares at least one day with the dates given (a month a campaign starts in does).</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && End >= from;

    // [0-9], not \d, which matches every script's digits (٢٠٢٣) that int.Parse refuses; \z, not $, which lets a final line break through.
    [GeneratedRegex(@"^(?<year>[0-9]{4})(-Q(?<quarter>[1-4])|-(?<month>[0-9]{2})(-(?<day>[0-9]{2}))?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
