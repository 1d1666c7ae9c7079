using Cybercrime.Reporting.ExpertGroup;

namespace Cybercrime.Reporting.Annual;

/// <summary>The Expert Group on Cybercrime: its meetings, documents and recommendations, which belong to no office or region.</summary>
internal static class ExpertGroupSection
{
    public static async Task<ReportSection> ComputeAsync(AnnualInputs inputs, ReportFilter filter, CancellationToken cancellationToken)
    {
        var summary = new SummaryAnswer(
            await ExpertGroupSummary.ComputeAsync(filter.Year, inputs.Meetings, inputs.Documents, inputs.Recommendations, cancellationToken),
            filter.GlobalHref("expert-group"));

        var held = summary.Figure("held", "meetingsHeld");
        var postponed = summary.Figure("postponed", "meetingsPostponed");
        var published = summary.Figure("published", "documentsPublished");
        var proposed = summary.Figure("proposed", "recommendations.proposed");
        var adopted = summary.Figure("adopted", "recommendations.adopted");
        var meetings = MeetingText.Held(summary.List("meetings"));
        var symbols = summary.List("documents").Select(d => d?["symbol"]?.GetValue<string>()).OfType<string>().ToList();
        return new ReportSection("expert-group", "The Expert Group on Cybercrime", filter.Unfiltered("The Expert Group's work is global"), Statement.Kept(
            Statement.Of("meetings", Statement.Join(" ",
                Statement.Unless0(held, $"In {filter.Year}, {held} {held.Noun("meeting was", "meetings were")} held.{meetings}"),
                Statement.Unless0(postponed, $"Of the meetings planned for {filter.Year}, {postponed} {postponed.Noun("was", "were")} postponed."))),
            Statement.Of("documents", $"In {filter.Year}, {published} {published.Noun("document was", "documents were")} published{(symbols.Count == 0 ? "" : $": {MeetingText.List(symbols)}")}."),
            Statement.Of("recommendations", Statement.Join("", $"At the year's meetings, ", Statement.List(
                Statement.Unless0(proposed, $"{proposed} {proposed.Noun("recommendation was", "recommendations were")} proposed"),
                Statement.Unless0(adopted, $"{adopted} {adopted.Noun(proposed.Value == 0 ? "recommendation was" : "was", proposed.Value == 0 ? "recommendations were" : "were")} adopted")), $"."))));
    }
}
