using Cybercrime.Reporting.Evidence;

namespace Cybercrime.Reporting.Annual;

/// <summary>Cooperation on electronic evidence: requests and cases, turnaround and outcomes from the evidence summary.</summary>
internal static class EvidenceSection
{
    public static async Task<ReportSection> ComputeAsync(AnnualInputs inputs, ReportFilter filter, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(inputs.Clock.GetUtcNow().UtcDateTime);
        var summary = new SummaryAnswer(
            await new EvidenceFigures(inputs.Requests).ComputeAsync(filter.Year, filter.Office, filter.Region, null, today, cancellationToken),
            filter.Href("evidence"));

        var requests = summary.Figure("requests", "requests");
        var cases = summary.Figure("cases", "cases");
        var median = summary.Figure("median", "turnaroundDays.median");
        var fulfilled = summary.Figure("fulfilled", "byOutcome.fulfilled");
        var partially = summary.Figure("partially-fulfilled", "byOutcome.partially-fulfilled");
        var refused = summary.Figure("refused", "byOutcome.refused");
        var withdrawn = summary.Figure("withdrawn", "byOutcome.withdrawn");
        return new ReportSection("evidence", "Cooperation on electronic evidence", null, Statement.Kept(
            Statement.Of("requests",
                $"In {filter.Year}, {requests} {requests.Noun("request", "requests")} for electronic evidence {requests.Noun("was", "were")} sent in {cases} {cases.Noun("case", "cases")}."),
            Statement.Of("turnaround", $"Requests that were decided took a median of {median} {median.Noun("day", "days")} from submission to outcome."),
            Statement.Of("outcomes", Statement.Join("", $"Of the year's requests, ", Statement.List(
                Statement.Unless0(fulfilled, $"{fulfilled} {fulfilled.Noun("was", "were")} fulfilled"),
                Statement.Unless0(partially, $"{partially} {partially.Noun("was", "were")} partially fulfilled"),
                Statement.Unless0(refused, $"{refused} {refused.Noun("was", "were")} refused"),
                Statement.Unless0(withdrawn, $"{withdrawn} {withdrawn.Noun("was", "were")} withdrawn")), $"."))));
    }
}
