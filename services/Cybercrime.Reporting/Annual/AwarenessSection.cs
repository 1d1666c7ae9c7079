using Cybercrime.Contracts;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Reporting.Awareness;

namespace Cybercrime.Reporting.Annual;

/// <summary>Awareness: people reached by activities and webinars, and campaign views, from the awareness summary.</summary>
internal static class AwarenessSection
{
    public static async Task<ReportSection> ComputeAsync(AnnualInputs inputs, ReportFilter filter, CancellationToken cancellationToken)
    {
        var figures = new AwarenessFigures(inputs.Campaigns, inputs.Observations, inputs.Activities, inputs.ActivityCountries);
        async Task<SummaryAnswer> Summary(ActivityKind? kind = null) => new(
            await figures.ComputeAsync(filter.Year, filter.Office, filter.Region, kind, cancellationToken),
            filter.Href("awareness", ("kind", kind is { } k ? ContractJson.Name(k) : null)));

        var all = await Summary();
        var webinars = await Summary(ActivityKind.Webinar);
        var participants = all.Figure("participants", "activityParticipants");
        var webinarParticipants = webinars.Figure("participants", "activityParticipants");
        var webinarCountries = webinars.Figure("countries", "activityCountries");
        var campaignViews = all.Views("views", "campaigns.0.views");
        var socialViews = all.Views("views", "viewsByChannel.twitter", "viewsByChannel.linkedin");
        return new ReportSection("awareness", "Awareness and prevention", null, Statement.Kept(
            Statement.Of("activities", $"In {filter.Year}, {participants} {participants.Noun("person", "people")} took part in awareness activities."),
            Statement.Of("webinars",
                $"Webinars brought together {webinarParticipants} {webinarParticipants.Noun("person", "people")} from {webinarCountries} {webinarCountries.Noun("country", "countries")}."),
            Statement.Of("most-viewed-campaign", $"The most viewed campaign, “{all.Text("campaigns.0.name")}”, reached {campaignViews} views."),
            Statement.Of("twitter-linkedin", $"Campaigns reached {socialViews} views on Twitter and LinkedIn.")));
    }
}
