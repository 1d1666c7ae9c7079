using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.Evidence;

/// <summary>
/// <c>GET /reporting/evidence/summary?year=Y[&amp;office=][&amp;region=][&amp;requestingCountry=]</c>: the year's requests
/// (counted in the year submitted; drafts nowhere), cases, breakdowns, outcomes, open and overdue today,
/// the fulfilment rate and turnarounds, all derived at read time from keyed facts by the store
/// (<see cref="EvidenceFigures"/>), so no replay counts a request twice.
/// </summary>
internal static class EvidenceSummary
{
    public static void MapEvidenceSummary(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/evidence/summary", async (
                int? year, string? office, string? region, string? requestingCountry, IDocumentCollection<EvidenceFacts> requests, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(year is { } y && ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last} is required, e.g. ?year=2020.");
                errors.Check(office is null || Offices.All.Contains(office), "office", $"'{office}' is not an office: {string.Join(", ", Offices.All)}.");
                errors.Check(requestingCountry is null || IsoCodes.IsCountry(requestingCountry), "requestingCountry",
                    $"'{requestingCountry}' is not an ISO 3166-1 alpha-3 country code such as \"SLV\".");
                var regionFilter = errors.Optional<ProgrammeRegion>(region, "region", "a region");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var summary = await new EvidenceFigures(requests).ComputeAsync(year!.Value, office, regionFilter, requestingCountry, today, cancellationToken);
                return TypedResults.Ok(summary with { Office = office, Region = regionFilter, RequestingCountry = requestingCountry });
            })
            .WithSummary("Evidence requests submitted in a year: cases, addressees, types, crimes, outcomes, open and overdue, fulfilment rate and turnarounds.")
            .Produces<EvidenceSummaryResponse>()
            .WithExports("evidence-summary")
            .ProducesValidationProblem();
}
