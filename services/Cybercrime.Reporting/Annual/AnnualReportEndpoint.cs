using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Reporting.Exports;

namespace Cybercrime.Reporting.Annual;

/// <summary>
/// <c>GET /reporting/annual/{year}[?office=][&amp;region=]</c>: the report to the Commission written from the
/// summaries, each computed in-process by the same code as its route, each figure linked to its query.
/// JSON, Markdown or HTML by <c>Accept</c> or <c>?format=json|md|html</c>; CSV and XLSX hold its figures as a table.
/// </summary>
internal static class AnnualReportEndpoint
{
    public static void MapAnnualReport(this RouteGroupBuilder reporting) =>
        reporting.MapGet("/annual/{year}", async (int year, string? office, string? region, [AsParameters] AnnualInputs inputs, HttpContext http, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                errors.Check(ReportingYears.Contains(year), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last}, e.g. /reporting/annual/2020.");
                errors.Check(office is null || Offices.All.Contains(office), "office", $"'{office}' is not an office: {string.Join(", ", Offices.All)}.");
                var regionFilter = errors.Optional<ProgrammeRegion>(region, "region", "a region");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var filter = new ReportFilter(year, office, regionFilter);
                var report = new AnnualReport(year, office, regionFilter,
                [
                    await TrainingSection.ComputeAsync(inputs, filter, cancellationToken),
                    await EvidenceSection.ComputeAsync(inputs, filter, cancellationToken),
                    await AwarenessSection.ComputeAsync(inputs, filter, cancellationToken),
                    await ExpertGroupSection.ComputeAsync(inputs, filter, cancellationToken),
                ]);
                return Exported.Chosen(http) switch
                {
                    ExportFormat.Markdown => TypedResults.Text(MarkdownReport.Write(report), "text/markdown; charset=utf-8"),
                    ExportFormat.Html => HtmlReport.Answer(http, report),
                    _ => TypedResults.Ok(report),
                };
            })
            .WithSummary("The annual report: each area's figures as sentences, each figure linked to the summary query that gives it.")
            .Produces<AnnualReport>()
            .WithExports("annual-report", [ExportFormat.Markdown, ExportFormat.Html], report => AnnualReportTable.Of((AnnualReport)report))
            .ProducesValidationProblem();
}
