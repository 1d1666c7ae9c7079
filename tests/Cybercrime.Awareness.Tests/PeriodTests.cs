using Cybercrime.Awareness.Observations;
using Cybercrime.Contracts.Awareness;

namespace Cybercrime.Awareness.Tests;

/// <summary>The four spellings of a period, and nothing else.</summary>
public sealed class PeriodTests
{
    [Theory]
    [InlineData("2020-05-04", Granularity.Day, "2020-05-04", "2020-05-04")]
    [InlineData("2020-02", Granularity.Month, "2020-02-01", "2020-02-29")]
    [InlineData("2020-Q4", Granularity.Quarter, "2020-10-01", "2020-12-31")]
    [InlineData("2020", Granularity.Year, "2020-01-01", "2020-12-31")]
    public void A_period_covers_its_days(string text, Granularity granularity, string start, string end)
    {
        var period = Period.Parse(text)!;

        Assert.Equal((granularity, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            (period.Granularity, period.Start, period.End));
    }

    [Theory]
    [InlineData("2020-5")]
    [InlineData("2020-00")]
    [InlineData("2020-13")]
    [InlineData("2021-02-29")]
    [InlineData("2020-Q0")]
    [InlineData("2020-q2")]
    [InlineData("20")]
    [InlineData("2020-05-04T00:00")]
    [InlineData(" 2020")]
    [InlineData("")]
    [InlineData("2020\n")]
    [InlineData("0000")]
    [InlineData("0000-01")]
    [InlineData("0000-Q2")]
    [InlineData("0000-01-01")]
    [InlineData("1989-12")]
    [InlineData("2101")]
    [InlineData("٢٠٢٣")]
    [InlineData("٢٠٢٣-05")]
    [InlineData("２０２３-Q2")]
    [InlineData("2023-0٥")]
    [InlineData("2023-05-0٤")]
    public void Anything_else_is_not_a_period(string text) => Assert.Null(Period.Parse(text));

    [Fact]
    public void The_month_a_campaign_starts_in_overlaps_it_and_the_month_before_does_not()
    {
        var (start, end) = (new DateOnly(2020, 4, 15), new DateOnly(2020, 12, 31));

        Assert.True(Period.Parse("2020-04")!.Overlaps(start, end));
        Assert.False(Period.Parse("2020-03")!.Overlaps(start, end));
    }
}
