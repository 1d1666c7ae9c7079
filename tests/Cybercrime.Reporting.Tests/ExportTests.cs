using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cybercrime.Reporting.Tests;

/// <summary>Every summary and the annual report as CSV and XLSX: read back, they hold what the JSON holds, numbers as numbers.</summary>
public sealed class ExportTests(AnnualReportHost reporting) : IClassFixture<AnnualReportHost>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData("training-summary-2020-digital-evidence", "/reporting/training/summary?year=2020&topic=digital-evidence")]
    [InlineData("evidence-summary-2020-africa-SLV", "/reporting/evidence/summary?year=2020&region=africa&requestingCountry=SLV")]
    [InlineData("awareness-summary-2020-GUA-webinar", "/reporting/awareness/summary?year=2020&office=GUA&kind=webinar")]
    [InlineData("expert-group-summary-2020", "/reporting/expert-group/summary?year=2020")]
    public async Task A_summarys_csv_read_back_holds_every_value_of_its_json_and_is_named_by_its_filters(string file, string url)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        var json = (await hq.GetFromJsonAsync<JsonObject>(url, TestContext.Current.CancellationToken))!;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await hq.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"attachment; filename=\"{file}.csv\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        var csv = ReadCsv(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var expected = Scalars(json);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys, csv.Keys);
        foreach (var (path, value) in expected)
        {
            Assert.True(Same(value, csv[path]), $"{path}: JSON {value?.ToJsonString()}, CSV '{csv[path]}'");
        }
    }

    [Fact]
    public async Task The_annual_reports_csv_by_plain_link_holds_its_statements_and_figures_quoted_where_they_hold_commas()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        var report = (await hq.GetFromJsonAsync<JsonObject>("/reporting/annual/2020", TestContext.Current.CancellationToken))!;

        var response = await hq.GetAsync("/reporting/annual/2020?format=csv", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("attachment; filename=\"annual-report-2020.csv\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.StartsWith("field,value\r\nyear,2020\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"Of the year's requests, 2 were fulfilled and 1 was refused.\"", text, StringComparison.Ordinal);
        var csv = ReadCsv(text);
        var statements = Statements(report).ToList();
        var figures = statements.SelectMany(s => s.Statement["figures"]!.AsArray().Select(f => (s.Section, Statement: (string)s.Statement["id"]!, Figure: f!))).ToList();
        Assert.Equal(statements.Select(s => (string)s.Statement["text"]!), statements.Select((_, i) => csv[$"statements.{i}.text"]));
        Assert.Equal(figures.Count, csv.Keys.Count(k => k.StartsWith("figures.", StringComparison.Ordinal) && k.EndsWith(".value", StringComparison.Ordinal)));
        for (var i = 0; i < figures.Count; i++)
        {
            Assert.Equal(
                (figures[i].Section, figures[i].Statement, (string)figures[i].Figure["name"]!, (double)figures[i].Figure["value"]!, (string)figures[i].Figure["href"]!),
                (csv[$"figures.{i}.section"], csv[$"figures.{i}.statement"], csv[$"figures.{i}.figure"], double.Parse(csv[$"figures.{i}.value"], CultureInfo.InvariantCulture), csv[$"figures.{i}.href"]));
        }
    }

    [Fact]
    public async Task A_summarys_xlsx_opened_back_holds_its_figures_and_each_breakdown_as_numbers()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        var json = (await hq.GetFromJsonAsync<JsonObject>("/reporting/awareness/summary?year=2020", TestContext.Current.CancellationToken))!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/reporting/awareness/summary?year=2020");
        request.Headers.Accept.ParseAdd(Xlsx);
        var response = await hq.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"awareness-summary-2020.xlsx\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        var workbook = ReadXlsx(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["summary", .. json.Where(p => p.Value is JsonObject or JsonArray).Select(p => p.Key)], workbook.Keys);
        Assert.Equal(["field", "value"], workbook["summary"][0]);
        Assert.Contains(["views", (double)json["views"]!], workbook["summary"]);
        Assert.Contains(["activityParticipants", 1_742d], workbook["summary"]);
        Assert.Equal([["key", "value"], .. json["viewsByChannel"]!.AsObject().Select(p => new object?[] { p.Key, (double)p.Value! })], workbook["viewsByChannel"]);
        Assert.Contains(["twitter", 2_000_000d], workbook["viewsByChannel"]);
        Assert.Equal(["key", "id", "name", "office", "views"], workbook["campaigns"][0]);
        Assert.Equal(["0", (string)json["campaigns"]![0]!["id"]!, "Navega seguro", "GUA", 28_500_000d], workbook["campaigns"][1]);
    }

    [Fact]
    public async Task The_annual_reports_xlsx_by_plain_link_holds_each_figure_as_a_number()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        var report = (await hq.GetFromJsonAsync<JsonObject>("/reporting/annual/2020?office=GUA", TestContext.Current.CancellationToken))!;

        var response = await hq.GetAsync("/reporting/annual/2020?office=GUA&format=xlsx", TestContext.Current.CancellationToken);

        Assert.Equal("attachment; filename=\"annual-report-2020-GUA.xlsx\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        var workbook = ReadXlsx(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["summary", "statements", "figures"], workbook.Keys);
        Assert.Contains(["office", "GUA"], workbook["summary"]);
        Assert.Equal(["key", "section", "statement", "figure", "value", "href", "fields"], workbook["figures"][0]);
        var figures = Statements(report).SelectMany(s => s.Statement["figures"]!.AsArray()).ToList();
        Assert.Equal(figures.Select(f => (object)(double)f!["value"]!), workbook["figures"].Skip(1).Select(r => r[4]));
    }

    [Fact]
    public async Task A_summarys_filters_and_its_own_format_parameter_still_apply_to_its_export()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reporting/training/summary?year=2020&format=multi-week-course");
        request.Headers.Accept.ParseAdd("text/csv");

        var csv = ReadCsv(await (await hq.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("2", "2"), (csv["practitionersTrained"], csv["byAgencyType.education"]));
    }

    [Fact]
    public async Task A_csv_starts_with_a_utf8_byte_order_mark_so_that_excel_reads_its_accents_and_dashes()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var bytes = await hq.GetByteArrayAsync("/reporting/annual/2020?format=csv", TestContext.Current.CancellationToken);

        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'f'], bytes[..4]);
        Assert.Contains("6–8 April 2020", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", Xlsx)]
    [InlineData("json", "application/json")]
    public async Task The_training_summary_by_plain_link_reads_an_export_format_as_the_export_not_as_a_training_format(string format, string type)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync($"/reporting/training/summary?year=2020&format={format}", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, type), (response.StatusCode, response.Content.Headers.ContentType!.MediaType));
    }

    [Fact]
    public async Task A_training_format_and_an_export_format_given_together_each_apply()
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync("/reporting/training/summary?year=2020&format=multi-week-course&format=csv", TestContext.Current.CancellationToken);

        var csv = ReadCsv(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("multi-week-course", "2"), (csv["format"], csv["practitionersTrained"]));
    }

    [Theory]
    [InlineData("/reporting/annual/2020?format=")]
    [InlineData("/reporting/annual/2020?format=md&format=csv")]
    [InlineData("/reporting/training/summary?year=2020&format=csv&format=xlsx")]
    [InlineData("/reporting/training/summary?year=2020&format=multi-week-course&format=in-person")]
    public async Task An_empty_or_doubled_format_is_refused_naming_format(string url)
    {
        using var hq = await reporting.ClientAsync(null, "hq-reporting");

        var response = await hq.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.Equal(["format"], errors.Select(e => e.Key));
    }

    private static IEnumerable<(string Section, JsonObject Statement)> Statements(JsonObject report) =>
        report["sections"]!.AsArray().SelectMany(s => s!["statements"]!.AsArray().Select(t => ((string)s["id"]!, t!.AsObject())));

    /// <summary>Every scalar of the JSON by its dotted path, as the export promises to name it.</summary>
    private static Dictionary<string, JsonNode?> Scalars(JsonNode? node, string path = "", Dictionary<string, JsonNode?>? into = null)
    {
        into ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (p.Key, p.Value)),
            JsonArray array => array.Select((c, i) => (i.ToString(CultureInfo.InvariantCulture), c)),
            _ => null,
        };
        if (children is null)
        {
            into[path] = node;
            return into;
        }

        foreach (var (key, child) in children)
        {
            Scalars(child, path.Length == 0 ? key : $"{path}.{key}", into);
        }

        return into;
    }

    private static bool Same(JsonNode? json, string csv) => json?.GetValueKind() switch
    {
        null or JsonValueKind.Null => csv.Length == 0,
        JsonValueKind.Number => double.Parse(csv, CultureInfo.InvariantCulture) == (double)json,
        JsonValueKind.True or JsonValueKind.False => csv == json.ToJsonString(),
        _ => csv == (string)json!,
    };

    /// <summary>The CSV's rows as field → value, after checking the header.</summary>
    private static Dictionary<string, string> ReadCsv(string text)
    {
        using var parser = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        Assert.True(parser.Read());
        Assert.Equal(["field", "value"], parser.Record!);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (parser.Read())
        {
            rows.Add(parser.Record![0], parser.Record[1]);
        }

        return rows;
    }

    /// <summary>Each sheet's rows, each cell a double when it is a number cell and a string otherwise.</summary>
    private static Dictionary<string, List<object?[]>> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>();
            sheets[sheet.Name!] = [.. rows.Select(r => r.Elements<Cell>().Select(Value).ToArray())];
        }

        return sheets;
    }

    private static object? Value(Cell cell) =>
        cell.DataType?.Value == CellValues.Number ? double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text
        : cell.CellValue?.Text;
}
