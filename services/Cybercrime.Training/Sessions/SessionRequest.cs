using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;

namespace Cybercrime.Training.Sessions;

/// <summary>The body of <c>POST /training/sessions</c> and <c>PUT /training/sessions/{id}</c>.</summary>
internal sealed record SessionRequest(
    string? Title,
    IReadOnlyList<TrainingTopic>? Topics,
    TrainingFormat? Format,
    IReadOnlyList<string>? Languages,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? HostCountry,
    IReadOnlyList<Audience>? Audiences = null,
    IReadOnlyList<string>? Partners = null,
    int? Capacity = null,
    bool TrainTheTrainer = false)
{
    public const int MaxTitleLength = 300;
    public const int MaxPartnerLength = 100;
    public const int MaxCapacity = 100_000;

    /// <summary>Formats held in a place, which must then name the host country.</summary>
    private static readonly HashSet<TrainingFormat> Hosted =
        [TrainingFormat.InPerson, TrainingFormat.Hybrid, TrainingFormat.Conference, TrainingFormat.AssessmentMission];

    /// <summary>Every field's rule; returns the valid details, or null with every problem in <paramref name="errors"/>.</summary>
    public SessionDetails? Validate(ValidationErrors errors)
    {
        FreeText.Check(errors, "title", Title, MaxTitleLength, out var title, "A title is required.");

        var topics = Topics ?? [];
        errors.Check(topics.Count > 0, "topics", "At least one topic is required.");
        EachDefined(topics, "topics", "Unknown topic.", errors);
        errors.Check(topics.Distinct().Count() == topics.Count, "topics", "A topic is listed twice.");
        errors.Check(Format is not null && Enum.IsDefined(Format.Value), "format", "A format is required.");

        var languages = Languages ?? [];
        errors.Check(languages.Count > 0, "languages", "At least one language (ISO 639-1, e.g. \"en\") is required.");
        for (var i = 0; i < languages.Count; i++)
        {
            errors.Check(IsoCodes.IsLanguage(languages[i]), $"languages[{i}]", $"'{languages[i]}' is not an ISO 639-1 language code such as \"en\" or \"es\".");
        }

        errors.Check(StartDate is not null, "startDate", "A start date is required (ISO 8601, e.g. 2020-05-04).");
        errors.Check(EndDate is not null, "endDate", "An end date is required (ISO 8601, e.g. 2020-05-08).");
        errors.Check(StartDate is null || EndDate is null || EndDate >= StartDate, "endDate", "The end date is before the start date.");
        ReportingYears.Check(errors, "startDate", StartDate);
        ReportingYears.Check(errors, "endDate", EndDate);

        if (HostCountry is not null)
        {
            errors.Check(IsoCodes.IsCountry(HostCountry), "hostCountry", $"'{HostCountry}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
        }
        else if (Format is { } format && Hosted.Contains(format))
        {
            errors.Add("hostCountry", $"A session held {ContractJson.Name(format)} needs a host country (ISO 3166-1 alpha-3).");
        }

        var audiences = Audiences ?? [];
        EachDefined(audiences, "audiences", "Unknown audience.", errors);
        var partners = new List<string>();
        for (var i = 0; i < (Partners?.Count ?? 0); i++)
        {
            if (FreeText.Check(errors, $"partners[{i}]", Partners![i], MaxPartnerLength, out var partner, "A partner is named, or left out of the list."))
            {
                partners.Add(partner!);
            }
        }

        errors.Check(Capacity is null or (> 0 and <= MaxCapacity), "capacity", $"The capacity is a number of places from 1 to {MaxCapacity}, or absent for no limit.");

        return errors.Any
            ? null
            : new SessionDetails(title!, [.. topics], Format!.Value, [.. languages], StartDate!.Value, EndDate!.Value, HostCountry,
                [.. audiences.Distinct()], [.. partners.Distinct(StringComparer.OrdinalIgnoreCase)], Capacity, TrainTheTrainer);
    }

    private static void EachDefined<TEnum>(IReadOnlyList<TEnum> values, string field, string message, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        for (var i = 0; i < values.Count; i++)
        {
            errors.Check(Enum.IsDefined(values[i]), $"{field}[{i}]", message);
        }
    }
}
