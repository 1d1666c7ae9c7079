using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;

namespace Cybercrime.Awareness.Campaigns;

/// <summary>The body of <c>POST /awareness/campaigns</c> and <c>PUT /awareness/campaigns/{id}</c>.</summary>
internal sealed record CampaignRequest(
    string? Name,
    IReadOnlyList<CampaignAudience>? Audiences,
    IReadOnlyList<string>? Countries,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<Channel>? Channels,
    IReadOnlyList<string>? Partners,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    public const int MaxNameLength = 300;
    public const int MaxPartnerLength = 100;

    /// <summary>Every field's rule; returns the valid details, or null with every problem in <paramref name="errors"/>.</summary>
    public CampaignDetails? Validate(ValidationErrors errors)
    {
        FreeText.Check(errors, "name", Name, MaxNameLength, out var name, "A name is required.");
        var audiences = Audiences ?? [];
        errors.Check(audiences.Count > 0, "audiences", $"At least one audience is required: {ContractJson.Names<CampaignAudience>()}.");
        var channels = Channels ?? [];
        errors.Check(channels.Count > 0, "channels", $"At least one channel is required: {ContractJson.Names<Channel>()}.");
        var countries = Countries ?? [];
        errors.Check(countries.Count > 0, "countries", "At least one country (ISO 3166-1 alpha-3, e.g. \"GTM\") is required.");
        for (var i = 0; i < countries.Count; i++)
        {
            errors.Check(IsoCodes.IsCountry(countries[i]), $"countries[{i}]", $"'{countries[i]}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
        }

        var languages = Languages ?? [];
        errors.Check(languages.Count > 0, "languages", "At least one language (ISO 639-1, e.g. \"es\") is required.");
        for (var i = 0; i < languages.Count; i++)
        {
            errors.Check(IsoCodes.IsLanguage(languages[i]), $"languages[{i}]", $"'{languages[i]}' is not an ISO 639-1 language code such as \"en\" or \"es\".");
        }

        var partners = new List<string>();
        for (var i = 0; i < (Partners?.Count ?? 0); i++)
        {
            if (FreeText.Check(errors, $"partners[{i}]", Partners![i], MaxPartnerLength, out var partner, "A partner is named, or left out of the list."))
            {
                partners.Add(partner!);
            }
        }

        errors.Check(StartDate is not null, "startDate", "A start date is required (ISO 8601, e.g. 2020-05-04).");
        errors.Check(EndDate is not null, "endDate", "An end date is required (ISO 8601, e.g. 2020-12-31).");
        errors.Check(StartDate is null || EndDate is null || EndDate >= StartDate, "endDate", "The end date is before the start date.");
        ReportingYears.Check(errors, "startDate", StartDate);
        ReportingYears.Check(errors, "endDate", EndDate);

        return errors.Any
            ? null
            : new CampaignDetails(name!, [.. audiences.Distinct()], [.. countries.Distinct()], [.. languages.Distinct()], [.. channels.Distinct()],
                [.. partners.Distinct(StringComparer.OrdinalIgnoreCase)], StartDate!.Value, EndDate!.Value);
    }
}
