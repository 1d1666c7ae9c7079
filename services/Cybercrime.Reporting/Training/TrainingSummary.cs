using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Exports;

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
/// countries were trained". Everything is derived at read time from keyed facts, by the store
/// (<see cref="TrainingFigures"/>): people and countries are distinct keys, never running counters,
/// so no replay can count anyone twice.
/// </summary>
internal static class TrainingSummary
{
    public static void MapTrainingSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/training/summary", async (
                int? year, string? office, string? region,
                IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(year is { } y && ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last} is required, e.g. ?year=2020.");
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

                var figures = new TrainingFigures(sessions, participations);
                return TypedResults.Ok(await figures.ComputeAsync(year!.Value, office, regionFilter, cancellationToken) with { Office = office, Region = regionFilter });
            })
            .WithSummary("Practitioners trained in a year: distinct people and countries, participations, completions and breakdowns.")
            .Produces<TrainingSummaryResponse>()
            .WithExports("training-summary")
            .ProducesValidationProblem();
}
