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
    TrainingTopic? Topic,
    TrainingFormat? Format,
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
    IReadOnlyDictionary<string, int> ByOffice,
    int CriminalJusticePractitioners,
    int CriminalJusticeCountries,
    IReadOnlyDictionary<ProgrammeRegion, int> ByRegion);

/// <summary>
/// <c>GET /reporting/training/summary?year=Y[&amp;office=][&amp;region=][&amp;topic=][&amp;format=]</c>: "N practitioners
/// from M countries were trained", of whom the criminal-justice ones are counted apart. Everything is derived at read time from keyed facts, by the store
/// (<see cref="TrainingFigures"/>): people and countries are distinct keys, never running counters,
/// so no replay can count anyone twice.
/// </summary>
internal static class TrainingSummary
{
    public static void MapTrainingSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/training/summary", async (
                int? year, string? office, string? region, string? topic, string[]? format,
                IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(year is { } y && ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last} is required, e.g. ?year=2020.");
                errors.Check(office is null || Offices.All.Contains(office), "office", $"'{office}' is not an office: {string.Join(", ", Offices.All)}.");
                var regionFilter = errors.Optional<ProgrammeRegion>(region, "region", "a region");
                var topicFilter = errors.Optional<TrainingTopic>(topic, "topic", "a training topic");
                // ?format=csv names the export (the filter's); only the other values are training formats.
                var trainingFormats = Negotiation.RouteValues(format);
                errors.Check(trainingFormats.Length <= 1, "format", $"Give one training format, not {string.Join(" and ", trainingFormats)}.");
                var formatFilter = errors.Optional<TrainingFormat>(trainingFormats.FirstOrDefault(), "format", "a training format");

                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var figures = new TrainingFigures(sessions, participations);
                var summary = await figures.ComputeAsync(year!.Value, office, regionFilter, topicFilter, formatFilter, cancellationToken);
                return TypedResults.Ok(summary with { Office = office, Region = regionFilter, Topic = topicFilter, Format = formatFilter });
            })
            .WithSummary("Practitioners trained in a year: distinct people and countries (criminal justice apart), participations, completions and breakdowns.")
            .Produces<TrainingSummaryResponse>()
            .WithExports("training-summary")
            .ProducesValidationProblem();
}
