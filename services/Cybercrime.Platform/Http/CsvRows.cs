using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cybercrime.Platform.Http;

/// <summary>One well-formed row of an imported file: the line it starts on and its fields, trimmed.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, string[] fields)
{
    public int Line => line;

    /// <summary>The row's name in an answer, <c>rows[N]</c>, N the line it starts on.</summary>
    public string Field => $"rows[{line}]";

    /// <summary>The column's value; null when the header has no such column.</summary>
    public string? this[string column] => columns.TryGetValue(column, out var index) ? fields[index] : null;
}

/// <summary>
/// Reads every import's CSV file the same strict way: a header naming the columns, then rows of exactly
/// as many fields. A row that is not well formed (a quote never closed, a quote inside an unquoted field,
/// more or fewer fields than the header) is named <c>rows[N]</c>, N the line it starts on, and not
/// yielded, so nothing is guessed from it. A header naming a column the import does not take, or one
/// twice, is refused on <c>columns[N]</c> (N from 0): a misspelt optional column would otherwise be
/// dropped without a word.
/// </summary>
public static class CsvRows
{
    /// <param name="required">Columns the header must name.</param>
    /// <param name="optional">Columns the header may name besides; it names no other.</param>
    /// <param name="expected">The columns as an answer describes them, e.g. <c>a,b,c[,d]</c>.</param>
    public static IEnumerable<CsvRow> Read(string csv, IReadOnlyList<string> required, IReadOnlyList<string> optional, string expected, int maxRows, ValidationErrors errors)
    {
        string? badField = null;
        using var parser = new CsvParser(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = bad => badField ??= bad.Field,
        });
        if (!parser.Read())
        {
            errors.Add("file", $"The file is empty; its first line names the columns: {expected}.");
            yield break;
        }

        var header = parser.Record!;
        var missing = required.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (badField is not null || missing.Count > 0)
        {
            errors.Add("header", $"{(badField is not null ? "The first line is not well formed. " : $"Missing columns: {string.Join(", ", missing)}. ")}Expected {expected}.");
            yield break;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!required.Contains(header[i], StringComparer.Ordinal) && !optional.Contains(header[i], StringComparer.Ordinal))
            {
                errors.Add($"columns[{i}]", $"'{header[i]}' is not a column of this file (names are case-sensitive): {expected}.");
            }
            else if (!columns.TryAdd(header[i], i))
            {
                errors.Add($"columns[{i}]", $"'{header[i]}' is named twice, first as columns[{columns[header[i]]}]: {expected}.");
            }
        }

        if (columns.Count < header.Length)
        {
            yield break;
        }

        var rows = 0;
        while (parser.Read())
        {
            if (++rows > maxRows)
            {
                errors.Add("file", $"A file holds at most {maxRows} rows.");
                yield break;
            }

            // Reading the fields is what finds bad data: a quote inside an unquoted field, or a quoted
            // field never closed, which runs to the end of the file.
            badField = null;
            var fields = parser.Record!;
            var unterminated = badField?.TrimStart() is ['"', ..] opened && opened.Count(c => c == '"') % 2 == 1;

            // A quoted field may span lines: a row is named by the line it starts on. The parser counts
            // one line more for a quote left open to the end of the file.
            var raw = parser.RawRecord;
            var line = parser.RawRow - raw.Count(c => c == '\n') + (raw.EndsWith('\n') && !unterminated ? 1 : 0);
            var problem = unterminated ? "A quote opened on this line is never closed, so the rest of the file reads as one field."
                : badField is not null ? "A quote appears inside an unquoted field; quote the whole field and double each quote in it (\"a \"\"b\"\" c\")."
                : fields.Length != header.Length ? $"The row has {fields.Length} fields where the header has {header.Length}; a value with a comma goes in double quotes."
                : null;
            if (problem is not null)
            {
                errors.Add($"rows[{line}]", problem);
                continue;
            }

            yield return new CsvRow(line, columns, fields);
        }
    }
}
