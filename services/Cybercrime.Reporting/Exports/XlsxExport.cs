using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cybercrime.Reporting.Exports;

/// <summary>
/// An answer as a workbook, written with the Open XML SDK. The first sheet, <c>summary</c>, holds the
/// answer's scalars (<c>field</c>, <c>value</c>); each breakdown gets a sheet of its own, one row per
/// key or item and one column per figure (<c>turnaroundByAddressee</c>: key, count, median, p90), so a
/// reader can sort, filter and chart it, which one long list of dotted paths would not allow.
/// Numbers are number cells; text is inline text, never a formula.
/// </summary>
internal static class XlsxExport
{
    private const int MaxSheetName = 31;

    public static byte[] Write(JsonNode? answer)
    {
        var sheets = new List<(string Name, List<string> Columns, List<Dictionary<string, JsonValue?>> Rows)>();
        var scalars = new List<Dictionary<string, JsonValue?>>();
        sheets.Add(("summary", ["field", "value"], scalars));
        foreach (var (key, child) in answer as JsonObject ?? [])
        {
            if (child is JsonObject or JsonArray)
            {
                sheets.Add(Breakdown(SheetName(key, sheets.Select(s => s.Name)), child));
            }
            else
            {
                scalars.Add(new() { ["field"] = JsonValue.Create(key), ["value"] = child?.AsValue() });
            }
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var list = new Sheets();
            workbook.Workbook = new Workbook(list);
            uint id = 1;
            foreach (var (name, columns, rows) in sheets)
            {
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, columns.Select(c => (JsonValue?)JsonValue.Create(c)).ToList()));
                for (var i = 0; i < rows.Count; i++)
                {
                    data.Append(Row((uint)i + 2, [.. columns.Select(c => rows[i].GetValueOrDefault(c))]));
                }

                worksheet.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    /// <summary>One row per key of a dictionary or item of a list; its scalars, by dotted path, are the columns.</summary>
    private static (string, List<string>, List<Dictionary<string, JsonValue?>>) Breakdown(string name, JsonNode node)
    {
        var children = node is JsonObject obj ? obj.Select(p => (p.Key, p.Value)) : node.AsArray().Select((c, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), c));
        var columns = new List<string> { "key" };
        var rows = new List<Dictionary<string, JsonValue?>>();
        foreach (var (key, child) in children)
        {
            var row = new Dictionary<string, JsonValue?>(StringComparer.Ordinal) { ["key"] = JsonValue.Create(key) };
            foreach (var (path, value) in Flattened.Rows(child))
            {
                var column = path.Length == 0 ? "value" : path;
                if (!columns.Contains(column))
                {
                    columns.Add(column);
                }

                row[column] = value;
            }

            rows.Add(row);
        }

        return (name, columns, rows);
    }

    private static Row Row(uint number, IReadOnlyList<JsonValue?> values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = $"{Column(i)}{number}";
            row.Append(values[i]?.GetValueKind() switch
            {
                JsonValueKind.Number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(values[i]!.GetValue<double>()) },
                JsonValueKind.True or JsonValueKind.False => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(values[i]!.GetValue<bool>()) },
                null or JsonValueKind.Null => new Cell { CellReference = reference },
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Flattened.Text(values[i]))) },
            });
        }

        return row;
    }

    /// <summary>A, B, … Z, AA, AB, …</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>A sheet name Excel accepts: at most 31 characters, unique among the workbook's sheets.</summary>
    private static string SheetName(string key, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = key.Length > MaxSheetName ? key[..MaxSheetName] : key;
        for (var n = 2; used.Contains(name); n++)
        {
            var suffix = $"~{n}";
            name = (key.Length + suffix.Length > MaxSheetName ? key[..(MaxSheetName - suffix.Length)] : key) + suffix;
        }

        return name;
    }
}
