using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cybercrime.Reporting.Exports;

/// <summary>
/// An answer as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break): a header
/// <c>field,value</c>, then one row per scalar, named by its dotted path. A text that a spreadsheet would
/// run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> first) is prefixed with <c>'</c>: names are typed by offices.
/// </summary>
internal static class CsvExport
{
    public static byte[] Write(JsonNode? answer)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape }))
        {
            csv.WriteField("field");
            csv.WriteField("value");
            csv.NextRecord();
            foreach (var (path, value) in Flattened.Rows(answer))
            {
                csv.WriteField(path);
                csv.WriteField(Flattened.Text(value));
                csv.NextRecord();
            }
        }

        // A UTF-8 byte order mark first: without it Excel on Windows reads the file as the local code page
        // and "Protégeons" or an en dash comes out garbled.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
