using Cybercrime.Standalone.Year2020;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>The 2020 plans add up to the report's figures before anything is recorded, counted as reporting counts: people once, by office and reference.</summary>
public sealed class DataSet2020PlanTests
{
    private static readonly string[] Justice = ["law-enforcement", "prosecution", "judiciary"];
    private static readonly IReadOnlyList<PlannedSession> Held = [.. TrainingPlan.Sessions().Where(s => !s.Cancelled)];

    [Fact]
    public void The_training_plan_gives_the_reports_figures_counting_each_person_once()
    {
        var justice = Completers(_ => true).Where(p => Justice.Contains(p.Agency)).ToList();

        Assert.Equal((2440, 64), (justice.Count, justice.Select(p => p.Country).Distinct().Count()));
        Assert.Equal(130, Completers(s => s.Topics.Contains("cryptocurrency")).Count);
        Assert.Equal((1000, 44), (Completers(s => s.Format == "multi-week-course").Count, Completers(s => s.Format == "multi-week-course").Select(p => p.Country).Distinct().Count()));
        Assert.Equal(5600, Completers(s => s.Topics.Contains("prevention")).Count(p => p.Agency == "education"));
        var evidence = Completers(s => s.Topics.Contains("digital-evidence")).Where(p => Justice.Contains(p.Agency)).ToList();
        Assert.Equal(655, evidence.Count);
        Assert.Equal(["BLZ", "CRI", "GTM", "HND", "SLV"], evidence.Select(p => p.Country).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(650, Completers(s => s.Topics.Contains("incident-response")).Count);
    }

    [Fact]
    public void People_complete_two_sessions_and_some_register_without_completing()
    {
        var completions = Held.SelectMany(s => s.Completed).ToList();

        Assert.True(completions.Count - completions.Distinct().Count() >= 100, "some people complete two sessions");
        Assert.Contains(Held, s => s.NoShows.Count > 0);
        Assert.Contains(Held, s => s.Attended.Count > 0);
        Assert.Contains(TrainingPlan.Sessions(), s => s.Cancelled && s.Registered.Count > 0);
        Assert.Equal(["BKK", "DKR", "GUA", "NBO", "SAL", "VIE"], Held.Select(s => s.Office).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_awareness_plan_gives_the_reports_figures()
    {
        var activities = AwarenessPlan.Activities();
        var webinars = activities.Where(a => a.Kind == "webinar").SelectMany(a => a.Participants).ToList();

        Assert.Equal((7832, 15), (webinars.Sum(p => p.Count), webinars.Select(p => p.Country).Distinct().Count()));
        Assert.Equal(24400, activities.SelectMany(a => a.Participants).Sum(p => p.Count));
        Assert.Equal(["en", "es", "fr", "pt"], activities.Where(a => a.Kind == "webinar").SelectMany(a => a.Languages).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_seed_plans_the_same_year()
    {
        Assert.Equal(TrainingPlan.Sessions().SelectMany(s => s.Completed), TrainingPlan.Sessions().SelectMany(s => s.Completed));
        Assert.Equal(EvidencePlan.Requests(), EvidencePlan.Requests());
        Assert.InRange(EvidencePlan.Requests().Count, 32, 120);
    }

    private static List<Person> Completers(Func<PlannedSession, bool> which) => [.. Held.Where(which).SelectMany(s => s.Completed).Distinct()];
}
