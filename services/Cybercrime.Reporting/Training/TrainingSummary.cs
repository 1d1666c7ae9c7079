using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Reporting.Training;

internal sealed record TrainingSummaryResponse(
    int Year,
    string? Office,
    ProgrammeRegion? Region,
    int PractitionersTrained,
    int Countries,
    int Participations,
    int Completions,
    int TrainTheTrainerGraduates,
    long HeadcountParticipants,
    IReadOnlyDictionary<TrainingTopic, int> ByTopic,
    IReadOnlyDictionary<string, int> ByCountry,
    IReadOnlyDictionary<Gender, int> ByGender,
    IReadOnlyDictionary<AgencyType, int> ByAgencyType,
    IReadOnlyDictionary<TrainingFormat, int> ByFormat,
    IReadOnlyDictionary<string, int> ByOffice);

/// <summary>
/// <c>GET /reporting/training/summary?year=Y[&amp;office=][&amp;region=]</c>: "N practitioners from M
/// countries were trained". Everything is derived at read time from keyed facts: people and countries
/// are distinct keys, never running counters, so no replay can count anyone twice.
/// </summary>
internal static class TrainingSummary
{
    public static void MapTrainingSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/training/summary", async (
                int? year, string? office, string? region,
                IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(year is >= 1990 and <= 2100, "year", "A reporting year between 1990 and 2100 is required, e.g. ?year=2020.");
                errors.Check(office is null || Offices.All.Contains(office), "office", $"'{office}' is not an office: {string.Join(", ", Offices.All)}.");
                ProgrammeRegion? regionFilter = null;
                if (region is not null && errors.Check(ContractJson.TryParse<ProgrammeRegion>(region, out var parsed), "region",
                        $"'{region}' is not a region: {ContractJson.Names<ProgrammeRegion>()}."))
                {
                    regionFilter = parsed;
                }

                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var inYear = (await sessions.WhereAsync("endYear", [year!.Value], cancellationToken))
                    .Where(s => (office is null || s.Office == office) && (regionFilter is null || s.Region == regionFilter))
                    .ToList();
                var people = await participations.WhereAsync("sessionId", inYear.Select(s => s.Id).ToList(), cancellationToken);
                return TypedResults.Ok(Compute(year.Value, inYear, people) with { Office = office, Region = regionFilter });
            })
            .WithSummary("Practitioners trained in a year: distinct people and countries, participations, completions and breakdowns.")
            .ProducesValidationProblem();

    /// <summary>
    /// A practitioner is trained in a year when they completed at least one session ending in it that
    /// was not cancelled. Their gender, country and agency are those of their latest completion;
    /// topics and formats count each practitioner once per topic or format.
    /// </summary>
    public static TrainingSummaryResponse Compute(int year, IReadOnlyList<SessionFacts> sessions, IReadOnlyList<ParticipationFacts> participations)
    {
        var held = sessions.Where(s => s.EndYear == year && !s.Cancelled).ToDictionary(s => s.Id);
        var inYear = participations.Where(p => held.ContainsKey(p.SessionId)).ToList();
        var completed = inYear.Where(p => p.Status == EnrolmentStatus.Completed).ToList();

        var practitioners = completed
            .GroupBy(p => p.ParticipantId)
            .Select(person => person.MaxBy(p => (held[p.SessionId].EndDate, p.Id))!)
            .ToList();

        return new TrainingSummaryResponse(
            year,
            Office: null,
            Region: null,
            practitioners.Count,
            practitioners.Select(p => p.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            inYear.Count(p => p.TakesPart()),
            completed.Count,
            completed.Where(p => held[p.SessionId].TrainTheTrainer).Select(p => p.ParticipantId).Distinct().Count(),
            held.Values.Sum(s => s.Headcounts.Sum(h => (long)h.Count)),
            DistinctPer(completed, p => held[p.SessionId].Topics),
            practitioners.CountBy(p => p.CountryCode).ToDictionary(),
            practitioners.CountBy(p => p.Gender).ToDictionary(),
            practitioners.CountBy(p => p.AgencyType).ToDictionary(),
            DistinctPer<TrainingFormat>(completed, p => [held[p.SessionId].Format]),
            practitioners.CountBy(p => p.Office).ToDictionary());
    }

    /// <summary>Practitioners per key, each counted once per key however many of their completions share it.</summary>
    private static Dictionary<TKey, int> DistinctPer<TKey>(IEnumerable<ParticipationFacts> completed, Func<ParticipationFacts, IEnumerable<TKey>> keys)
        where TKey : notnull =>
        completed
            .SelectMany(p => keys(p).Select(key => (key, p.ParticipantId)))
            .Distinct()
            .CountBy(pair => pair.key)
            .ToDictionary();
}
