using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.Awareness;

/// <summary>
/// <c>GET /reporting/awareness/summary?year=Y[&amp;office=][&amp;region=][&amp;kind=]</c>: "28.5 million views",
/// "7,832 participants from 15 countries". A figure counts in its period's year, an activity in the year
/// it was held; views are the sum of the metric <c>views</c>; figures without a country or language count
/// under <c>unspecified</c>; <c>activityCountries</c> is the number of countries with participants. A kind
/// of activity narrows the activity figures only; <c>viewsByPeriod</c> gives views per period and channel.
/// </summary>
internal static class AwarenessSummary
{
    public static void MapAwarenessSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/awareness/summary", async (
                int? year, string? office, string? region, string? kind,
                IDocumentCollection<CampaignFacts> campaigns, IDocumentCollection<ObservationFacts> observations,
                IDocumentCollection<ActivityFacts> activities, IDocumentCollection<ActivityCountryFacts> activityCountries, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(year is { } y && ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last} is required, e.g. ?year=2020.");
                errors.Check(office is null || Offices.All.Contains(office), "office", $"'{office}' is not an office: {string.Join(", ", Offices.All)}.");
                var regionFilter = errors.Optional<ProgrammeRegion>(region, "region", "a region");
                var kindFilter = errors.Optional<ActivityKind>(kind, "kind", "a kind of activity");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var figures = new AwarenessFigures(campaigns, observations, activities, activityCountries);
                var summary = await figures.ComputeAsync(year!.Value, office, regionFilter, kindFilter, cancellationToken);
                return TypedResults.Ok(summary with { Office = office, Region = regionFilter, Kind = kindFilter });
            })
            .WithSummary("Awareness reach in a year: views by metric, channel, country, language, campaign and period; activities and their participants, of a kind if asked.")
            .Produces<AwarenessSummaryResponse>()
            .WithExports("awareness-summary")
            .ProducesValidationProblem();
}
