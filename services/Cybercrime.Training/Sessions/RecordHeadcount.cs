using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Sessions;

internal sealed record HeadcountRequest(IReadOnlyList<HeadcountLine?>? Counts);

internal sealed record HeadcountLine(string? CountryCode, Gender? Gender, int? Count);

/// <summary>
/// <c>PUT /training/sessions/{id}/headcount</c>: for a large webinar where people are not registered
/// one by one, how many attended per country and gender. It replaces the previous headcount; reporting
/// counts these people as reached, not as distinct practitioners.
/// </summary>
internal static class RecordHeadcount
{
    public const int MaxCount = 10_000_000;

    /// <summary>
    /// What one session may claim in all: a webinar of ten million is already beyond any the programme
    /// has run, and bounding the whole (not only each line) keeps every sum over sessions far from overflow.
    /// </summary>
    public const long MaxTotal = 10_000_000;

    public static void MapRecordHeadcount(this RouteGroupBuilder training) =>
        training.MapPut("/sessions/{id:guid}/headcount", HandleAsync)
            .WithSummary("Records attendance counts per country and gender for a webinar.")
            .Produces<SessionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        Guid id, HeadcountRequest request, ClaimsPrincipal user, HttpContext http, TrainingStore training, TimeProvider clock) =>
        training.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            if (Validate(request, errors) is not { } counts)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (session, denied) = await training.FindOpenSessionAsync(id, user, "A cancelled session takes no headcount.", http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            if (counts.Count > 0 && session!.Details.Format != TrainingFormat.Webinar)
            {
                return CommandOutcome.Refuse(TrainingSession.HeadcountRefused(session.Details.Format));
            }

            var (counted, @event) = session!.RecordHeadcount(counts, clock.GetUtcNow());
            return CommandOutcome.Commit(new Changes().Save(counted, session.Version, @event), StatusCodes.Status200OK, SessionView.Of(counted));
        }, turn: $"{id}");

    public static IReadOnlyList<Headcount>? Validate(HeadcountRequest request, ValidationErrors errors)
    {
        var lines = request.Counts ?? [];
        errors.Check(request.Counts is not null, "counts", "A list of counts per country and gender is required (it may be empty to clear it).");
        var seen = new HashSet<(string?, Gender?)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!errors.Check(line is not null, $"counts[{i}]", "A count is required."))
            {
                continue;
            }

            errors.Check(IsoCodes.IsCountry(line!.CountryCode), $"counts[{i}].countryCode", $"'{line.CountryCode}' is not an ISO 3166-1 alpha-3 country code.");
            errors.Check(line.Gender is not null && Enum.IsDefined(line.Gender.Value), $"counts[{i}].gender", "A gender is required (female, male, other or undisclosed).");
            errors.Check(line.Count is >= 0 and <= MaxCount, $"counts[{i}].count", $"A count from 0 to {MaxCount} is required.");
            errors.Check(seen.Add((line.CountryCode, line.Gender)), $"counts[{i}]", "This country and gender are counted twice.");
        }

        var total = lines.Sum(l => (long)Math.Max(0, l?.Count ?? 0));
        errors.Check(total <= MaxTotal, "counts", $"The counts add up to {total}; a session reaches at most {MaxTotal} people.");
        return errors.Any ? null : [.. lines.Select(l => new Headcount(l!.CountryCode!, l.Gender!.Value, l.Count!.Value))];
    }
}
