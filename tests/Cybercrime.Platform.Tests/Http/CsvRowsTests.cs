using Cybercrime.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cybercrime.Platform.Tests.Http;

/// <summary>Every import reads its file this one strict way: a row that is not well formed is named, never guessed at.</summary>
public sealed class CsvRowsTests
{
    private static readonly string[] Required = ["channel", "metric", "value"];

    private static (List<CsvRow> Rows, Dictionary<string, string[]> Errors) Read(string csv)
    {
        var errors = new ValidationErrors();
        var rows = CsvRows.Read(csv, Required, ["country"], "channel,metric,value[,country]", 100, errors).ToList();
        return (rows, new Dictionary<string, string[]>(((ValidationProblem)errors.ToResult()).ProblemDetails.Errors));
    }

    [Fact]
    public void Well_formed_rows_are_read_by_column_with_their_lines()
    {
        var (rows, errors) = Read("channel,metric,value,country\ntv, views ,1,\n\"twi,tter\",\"say \"\"hi\"\"\",\"2\n3\",GTM\n\nradio,reach,4,HND\n");

        Assert.Empty(errors);
        Assert.Equal([2, 3, 6], rows.Select(r => r.Line));
        Assert.Equal(("views", ""), (rows[0]["metric"], rows[0]["country"]));
        Assert.Equal(("twi,tter", "say \"hi\"", "2\n3"), (rows[1]["channel"], rows[1]["metric"], rows[1]["value"]));
        Assert.Null(rows[2]["language"]);
    }

    [Theory]
    [InlineData("twitter,views,1,GTM,extra", "5 fields where the header has 4")]
    [InlineData("twitter,views,1,GTM,", "5 fields where the header has 4")]
    [InlineData("twitter,views,1", "3 fields where the header has 4")]
    [InlineData("twitter,\"vie\"ws,1,GTM", "quote appears inside an unquoted field")]
    [InlineData("twitter,views,\"1\"2,GTM", "quote appears inside an unquoted field")]
    [InlineData("\"face\"book,views,1,GTM", "quote appears inside an unquoted field")]
    [InlineData("face\"book,views,1,GTM", "quote appears inside an unquoted field")]
    [InlineData("twitter,views,1,\"GTM", "never closed")]
    public void A_row_that_is_not_well_formed_is_named_by_its_line_and_not_read(string bad, string says)
    {
        var (rows, errors) = Read($"channel,metric,value,country\ntv,views,1,GTM\n{bad}\nradio,reach,4,HND\n");

        Assert.Equal(["rows[3]"], errors.Keys);
        Assert.Contains(says, errors["rows[3]"][0], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Line == 3);
    }

    [Theory]
    [InlineData("channel,metric,value,Country", "columns[3]", "'Country' is not a column")]
    [InlineData("channel,metric,value,state", "columns[3]", "'state' is not a column")]
    [InlineData("channel,metric,value,country,country", "columns[4]", "named twice, first as columns[3]")]
    [InlineData("channel,metric,metric,value", "columns[2]", "named twice, first as columns[1]")]
    public void A_header_naming_a_column_not_taken_or_one_twice_is_refused_by_its_position_listing_the_columns(string header, string field, string says)
    {
        var (rows, errors) = Read($"{header}\ntv,views,1,GTM\n");

        Assert.Equal([field], errors.Keys);
        Assert.Contains(says, errors[field][0], StringComparison.Ordinal);
        Assert.Contains("channel,metric,value[,country]", errors[field][0], StringComparison.Ordinal);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_bad_row_on_the_last_line_without_a_line_break_is_named_by_its_line()
    {
        Assert.Equal(["rows[3]"], Read("channel,metric,value\ntv,views,1\nface\"book,views,1").Errors.Keys);
        Assert.Equal(["rows[3]"], Read("channel,metric,value\ntv,views,1\ntv,views,\"1").Errors.Keys);
    }

    [Fact]
    public void An_unclosed_quote_is_named_by_the_line_it_opens_on_and_a_row_after_a_two_line_row_by_its_own()
    {
        Assert.Equal(["rows[4]", "rows[5]"],
            Read("channel,metric,value\ntv,views,\"1\n2\"\nfax,views,1,2\ntv,views,\"1\ntv,views,2\n").Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData("channel,metric\ntv,views\n", "header")]
    [InlineData("channel,\"met\"ric,value\ntv,views,1\n", "header")]
    public void A_file_without_a_good_header_reads_no_row(string csv, string field)
    {
        var (rows, errors) = Read(csv);

        Assert.Empty(rows);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Rows_past_the_limit_are_refused_once()
    {
        var errors = new ValidationErrors();

        var rows = CsvRows.Read("channel,metric,value\n" + string.Join("\n", Enumerable.Repeat("tv,views,1", 4)), Required, [], "", 3, errors).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["file"], ((ValidationProblem)errors.ToResult()).ProblemDetails.Errors.Keys);
    }
}
