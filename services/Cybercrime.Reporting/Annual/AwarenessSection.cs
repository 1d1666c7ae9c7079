using Cybercrime.Reporting.Awareness;

namespace Cybercrime.Reporting.Annual;

/// <summary>Awareness: people reached by activities and webinars, and campaign views, from the awareness summary.</summary>
internal static class AwarenessSection
{
    // GAP(figures): the awareness summary gains region= and kind=; until it does, no region and no webinars statement.
    private const bool ByRegion = false;

    public static async Task<ReportSection> ComputeAsync(AnnualInputs inputs, ReportFilter filter, CancellationToken cancellationToken)
    {
        var figures = new AwarenessFigures(inputs.Campaigns, inputs.Observations, inputs.Activities, inputs.ActivityCountries);
        var all = new SummaryAnswer(await figures.ComputeAsync(filter.Year, filter.Office, cancellationToken), filter.Href("awareness", byOffice: true, byRegion: ByRegion));

        var participants = all.Figure("participants", "activityParticipants");
        var campaignViews = all.Views("views", "campaigns.0.views");
        var socialViews = all.Views("views", "viewsByChannel.twitter", "viewsByChannel.linkedin");
        return new ReportSection("awareness", "Awareness and prevention", filter.Unfiltered("Awareness figures are not counted by region", byOffice: true, byRegion: ByRegion), Statement.Kept(
            Statement.Of("activities", $"In {filter.Year}, {participants} {participants.Noun("person", "people")} took part in awareness activities."),
            Statement.Of("most-viewed-campaign", $"The most viewed campaign, “{all.Text("campaigns.0.name")}”, reached {campaignViews} views."),
            Statement.Of("twitter-linkedin", $"Campaigns reached {socialViews} views on Twitter and LinkedIn.")));
    }
}
