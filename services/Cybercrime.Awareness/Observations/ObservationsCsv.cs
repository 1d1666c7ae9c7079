using System.Globalization;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;

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
        foreach (var row in CsvRows.Read(csv, RequiredColumns, ["country", "language"], $"{string.Join(",", RequiredColumns)},country,language", Recording.MaxObservations, errors))
        {
            var field = row.Field;
            var value = row["value"];
            var request = new ObservationRequest(
                Parse<Channel>(row["channel"]),
                Parse<ReachMetric>(row["metric"]),
                Blank(row["period"]),
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
                Blank(row["country"]),
                Blank(row["language"]));
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
