using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;

namespace Cybercrime.ExpertGroup.Meetings;

/// <summary>The body of <c>POST /expert-group/meetings</c>.</summary>
internal sealed record MeetingRequest(
    MeetingBody? Body, int? Sequence, string? Title, DateOnly? StartDate, DateOnly? EndDate, string? Venue, MeetingFormat? Format,
    IReadOnlyList<StudyChapter>? Chapters)
{
    public const int MaxTitleLength = 300;
    public const int MaxVenueLength = 100;

    public MeetingDetails? Validate(ValidationErrors errors)
    {
        errors.Check(Body is { } b && Enum.IsDefined(b), "body", $"The body is one of {Cybercrime.Contracts.ContractJson.Names<MeetingBody>()}.");
        errors.Check(Sequence is >= 1 and <= 1000, "sequence", "The meeting's number in its body's series, from 1 (e.g. 6 for the sixth meeting).");
        FreeText.Check(errors, "title", Title, MaxTitleLength, out var title, "A title is required.");
        FreeText.Check(errors, "venue", Venue, MaxVenueLength, out var venue, "A venue is required (e.g. Vienna).");
        errors.Check(Format is { } f && Enum.IsDefined(f), "format", "A format is required: in-person, online or hybrid.");
        Dates.Check(errors, StartDate, EndDate);
        var chapters = Chapters ?? [];
        for (var i = 0; i < chapters.Count; i++)
        {
            errors.Check(Enum.IsDefined(chapters[i]), $"chapters[{i}]", "Unknown chapter.");
        }

        errors.Check(chapters.Distinct().Count() == chapters.Count, "chapters", "A chapter is listed twice.");
        return errors.Any ? null : new MeetingDetails(Body!.Value, Sequence!.Value, title!, StartDate!.Value, EndDate!.Value, venue!, Format!.Value, [.. chapters]);
    }
}

/// <summary>The body of <c>POST /expert-group/meetings/{id}/postponement</c>: the new dates, and the decision that moved them.</summary>
internal sealed record PostponementRequest(DateOnly? StartDate, DateOnly? EndDate, MeetingFormat? Format, string? Venue = null, string? Decision = null)
{
    public const int MaxDecisionLength = 50;

    public bool Validate(ValidationErrors errors, out string? venue, out string? decision)
    {
        Dates.Check(errors, StartDate, EndDate);
        errors.Check(Format is null || Enum.IsDefined(Format.Value), "format", "The format is in-person, online or hybrid.");
        venue = decision = null;
        if (Venue is not null)
        {
            FreeText.Check(errors, "venue", Venue, MeetingRequest.MaxVenueLength, out venue);
        }

        if (Decision is not null)
        {
            FreeText.Check(errors, "decision", Decision, MaxDecisionLength, out decision);
        }

        return !errors.Any;
    }
}

internal static class Dates
{
    public static void Check(ValidationErrors errors, DateOnly? startDate, DateOnly? endDate)
    {
        errors.Check(startDate is not null, "startDate", "A start date is required (ISO 8601, e.g. 2020-04-06).");
        errors.Check(endDate is not null, "endDate", "An end date is required (ISO 8601, e.g. 2020-04-08).");
        errors.Check(startDate is null || endDate is null || endDate >= startDate, "endDate", "The end date is before the start date.");
        ReportingYears.Check(errors, "startDate", startDate);
        ReportingYears.Check(errors, "endDate", endDate);
    }
}
