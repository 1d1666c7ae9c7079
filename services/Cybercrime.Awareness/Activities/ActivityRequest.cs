using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Activities;

internal sealed record ParticipantsRequest(string? CountryCode, int? Count);

/// <summary>The body of <c>POST /awareness/activities</c> and <c>PUT /awareness/activities/{id}</c>.</summary>
internal sealed record ActivityRequest(
    string? Title, ActivityKind? Kind, DateOnly? Date, IReadOnlyList<string>? Languages, Guid? CampaignId, IReadOnlyList<ParticipantsRequest?>? Participants)
{
    public const int MaxTitleLength = 300;

    /// <summary>More than any one activity reaches from one country: a count above it is a typing error.</summary>
    public const int MaxCount = 10_000_000;

    public (ActivityDetails Details, IReadOnlyList<ParticipantCount> Participants)? Validate(ValidationErrors errors)
    {
        FreeText.Check(errors, "title", Title, MaxTitleLength, out var title, "A title is required.");
        errors.Check(Kind is { } k && Enum.IsDefined(k), "kind", $"A kind is required: {ContractJson.Names<ActivityKind>()}.");
        errors.Check(Date is not null, "date", "A date is required (ISO 8601, e.g. 2020-05-04).");
        ReportingYears.Check(errors, "date", Date);
        var languages = Languages ?? [];
        errors.Check(languages.Count > 0, "languages", "At least one language (ISO 639-1, e.g. \"es\") is required.");
        for (var i = 0; i < languages.Count; i++)
        {
            errors.Check(IsoCodes.IsLanguage(languages[i]), $"languages[{i}]", $"'{languages[i]}' is not an ISO 639-1 language code such as \"en\" or \"es\".");
        }

        var lines = Participants ?? [];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"participants[{i}]";
            if (!errors.Check(lines[i] is not null, field, "A count per country is required."))
            {
                continue;
            }

            var line = lines[i]!;
            errors.Check(IsoCodes.IsCountry(line.CountryCode), $"{field}.countryCode", $"'{line.CountryCode}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
            errors.Check(line.Count is >= 0 and <= MaxCount, $"{field}.count", $"A count from 0 to {MaxCount} is required.");
            if (line.CountryCode is not null && !seen.TryAdd(line.CountryCode, i))
            {
                errors.Add($"{field}.countryCode", $"{line.CountryCode} is already counted in participants[{seen[line.CountryCode]}].");
            }
        }

        return errors.Any
            ? null
            : (new ActivityDetails(title!, Kind!.Value, Date!.Value, [.. languages.Distinct()], CampaignId),
                [.. lines.Select(l => new ParticipantCount(l!.CountryCode!, l.Count!.Value))]);
    }
}
