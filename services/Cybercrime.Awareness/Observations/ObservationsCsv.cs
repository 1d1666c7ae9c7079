using System.Globalization;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cybercrime.Awareness.Observations;

/// <summary>
/// A file of figures, one a row: <c>channel,metric,period,value,country,language</c> (the last two may
/// be empty or absent). Every bad row is named by the line it starts on, <c>rows[N].field</c>.
/// </summary>
internal static class ObservationsCsv
{
    private static readonly string[] RequiredColumns = ["channel", "metric", "period", "value"];

    /// <summary>Every row's observation, or every row's problems in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ValidObservation> Parse(string csv, ValidationErrors errors)
    {
        var batch = new List<ValidObservation>();
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        if (!reader.Read() || !reader.ReadHeader())
        {
            errors.Add("file", $"The file is empty; its first line names the columns: {string.Join(",", RequiredColumns)},country,language.");
            return batch;
        }

        var missing = RequiredColumns.Where(c => !reader.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            errors.Add("header", $"Missing columns: {string.Join(", ", missing)}. Expected {string.Join(",", RequiredColumns)},country,language.");
            return batch;
        }

        var (hasCountry, hasLanguage) = (reader.HeaderRecord!.Contains("country"), reader.HeaderRecord!.Contains("language"));
        var rows = 0;
        while (reader.Read())
        {
            // A quoted field may span lines: a row is named by the line it starts on.
            var raw = reader.Parser.RawRecord;
            var unterminated = raw.Count(c => c == '"') % 2 == 1;
            var line = reader.Parser.RawRow - raw.Count(c => c == '\n') + (raw.EndsWith('\n') && !unterminated ? 1 : 0);
            if (++rows > Recording.MaxObservations)
            {
                errors.Add("file", $"A file holds at most {Recording.MaxObservations} rows.");
                break;
            }

            var field = $"rows[{line}]";
            if (unterminated)
            {
                errors.Add(field, "A quote opened on this line is never closed, so the rest of the file reads as one field.");
                continue;
            }

            var value = reader.GetField("value");
            var request = new ObservationRequest(
                Parse<Channel>(reader.GetField("channel")),
                Parse<ReachMetric>(reader.GetField("metric")),
                Blank(reader.GetField("period")),
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
                hasCountry ? Blank(reader.GetField("country")) : null,
                hasLanguage ? Blank(reader.GetField("language")) : null);
            if (request.Validate(field, errors) is { } valid)
            {
                batch.Add(valid);
            }
            else if (!string.IsNullOrEmpty(value) && request.Value is null)
            {
                errors.Add($"{field}.value", $"'{value}' is not a whole number.");
            }
        }

        ObservationRequest.CheckDistinct(batch, errors);
        return batch;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>An enum column by its wire name; anything else reads as missing, and the row's checks name the allowed values.</summary>
    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        ContractJson.TryParse<TEnum>(value, out var parsed) ? parsed : null;
}
