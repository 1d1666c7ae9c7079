using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

internal sealed record ScheduleSessionRequest(
    string? Title,
    IReadOnlyList<TrainingTopic>? Topics,
    TrainingFormat? Format,
    IReadOnlyList<string>? Languages,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? HostCountry);

internal sealed record SessionCreated(string Id);

/// <summary><c>POST /training/sessions</c>: an office schedules a session of its own.</summary>
internal static class ScheduleSession
{
    public const int MaxTitleLength = 300;

    /// <summary>Formats held in a place, which must then name the host country.</summary>
    private static readonly HashSet<TrainingFormat> Hosted = [TrainingFormat.InPerson, TrainingFormat.Hybrid, TrainingFormat.Conference, TrainingFormat.AssessmentMission];

    public static void MapScheduleSession(this RouteGroupBuilder training) =>
        training.MapPost("/sessions", HandleAsync)
            .WithSummary("Schedules a training session for the caller's office.")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        ScheduleSessionRequest request, ClaimsPrincipal user, IDocumentCollection<TrainingSession> sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = Validate(request, errors);
        if (details is null)
        {
            return errors.ToResult();
        }

        var (session, scheduled) = TrainingSession.Schedule(user.Office()!, details, clock.GetUtcNow());
        await sessions.SaveAsync(session, expectedVersion: 0, [scheduled], cancellationToken);
        return TypedResults.Created($"/training/sessions/{session.Id}", new SessionCreated(session.Id));
    }

    /// <summary>Every field's rule; returns the valid details, or null with every problem in <paramref name="errors"/>.</summary>
    public static ValidSession? Validate(ScheduleSessionRequest request, ValidationErrors errors)
    {
        var title = request.Title?.Trim();
        errors.Check(!string.IsNullOrEmpty(title), "title", "A title is required.");
        errors.Check(title is null || title.Length <= MaxTitleLength, "title", $"The title is longer than {MaxTitleLength} characters.");

        var topics = request.Topics ?? [];
        errors.Check(topics.Count > 0, "topics", "At least one topic is required.");
        for (var i = 0; i < topics.Count; i++)
        {
            errors.Check(Enum.IsDefined(topics[i]), $"topics[{i}]", "Unknown topic.");
        }

        errors.Check(topics.Distinct().Count() == topics.Count, "topics", "A topic is listed twice.");
        errors.Check(request.Format is not null && Enum.IsDefined(request.Format.Value), "format", "A format is required.");

        var languages = request.Languages ?? [];
        errors.Check(languages.Count > 0, "languages", "At least one language (ISO 639-1, e.g. \"en\") is required.");
        for (var i = 0; i < languages.Count; i++)
        {
            errors.Check(IsoCodes.IsLanguage(languages[i]), $"languages[{i}]", $"'{languages[i]}' is not an ISO 639-1 language code such as \"en\" or \"es\".");
        }

        errors.Check(request.StartDate is not null, "startDate", "A start date is required (ISO 8601, e.g. 2020-05-04).");
        errors.Check(request.EndDate is not null, "endDate", "An end date is required (ISO 8601, e.g. 2020-05-08).");
        errors.Check(request.StartDate is null || request.EndDate is null || request.EndDate >= request.StartDate, "endDate", "The end date is before the start date.");

        if (request.HostCountry is not null)
        {
            errors.Check(IsoCodes.IsCountry(request.HostCountry), "hostCountry", $"'{request.HostCountry}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
        }
        else if (request.Format is { } format && Hosted.Contains(format))
        {
            errors.Add("hostCountry", $"A session held {ContractJson.Name(format)} needs a host country (ISO 3166-1 alpha-3).");
        }

        return errors.Any
            ? null
            : new ValidSession(title!, [.. topics], request.Format!.Value, [.. languages], request.StartDate!.Value, request.EndDate!.Value, request.HostCountry);
    }
}
