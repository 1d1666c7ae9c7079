using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

internal sealed record TrainingSummaryResponse(
    int Year,
    int PractitionersTrained,
    int Countries,
    int Participations,
    IReadOnlyDictionary<TrainingTopic, int> ByTopic,
    IReadOnlyDictionary<Gender, int> ByGender,
    IReadOnlyDictionary<AgencyType, int> ByAgencyType);

/// <summary>
/// <c>GET /reporting/training/summary?year=Y</c>: "N practitioners from M countries were trained".
/// Everything is derived from keyed facts at read time: people and countries are distinct keys, never
/// running counters, so no replay can count anyone twice.
/// </summary>
internal static class TrainingSummary
{
    public static void MapTrainingSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/training/summary", async (
                int? year, IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                if (!errors.Check(year is >= 1990 and <= 2100, "year", "A reporting year between 1990 and 2100 is required, e.g. ?year=2020."))
                {
                    return errors.ToResult();
                }

                var inYear = await sessions.WhereAsync("endYear", [year!.Value], cancellationToken);
                var people = await participations.WhereAsync("sessionId", inYear.Select(s => s.Id).ToList(), cancellationToken);
                return TypedResults.Ok(Compute(year.Value, inYear, people));
            })
            .WithSummary("Practitioners trained in a year: distinct people and countries, participations and breakdowns.")
            .ProducesValidationProblem();

    /// <summary>
    /// A practitioner is trained in a year when they completed at least one session ending in it.
    /// Their gender, country and agency are those of their latest completion; topics count each
    /// practitioner once per topic.
    /// </summary>
    public static TrainingSummaryResponse Compute(int year, IReadOnlyList<SessionFacts> sessions, IReadOnlyList<ParticipationFacts> participations)
    {
        var sessionsById = sessions.Where(s => s.EndYear == year).ToDictionary(s => s.Id);
        var inYear = participations.Where(p => sessionsById.ContainsKey(p.SessionId)).ToList();
        var completed = inYear.Where(p => p.Completed).ToList();

        var practitioners = completed
            .GroupBy(p => p.ParticipantId)
            .Select(person => person.MaxBy(p => (sessionsById[p.SessionId].EndDate, p.Id))!)
            .ToList();
        var byTopic = completed
            .SelectMany(p => sessionsById[p.SessionId].Topics.Select(topic => (topic, p.ParticipantId)))
            .Distinct()
            .GroupBy(pair => pair.topic)
            .ToDictionary(g => g.Key, g => g.Count());

        return new TrainingSummaryResponse(
            year,
            practitioners.Count,
            practitioners.Select(p => p.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            inYear.Count,
            byTopic,
            practitioners.CountBy(p => p.Gender).ToDictionary(),
            practitioners.CountBy(p => p.AgencyType).ToDictionary());
    }
}
