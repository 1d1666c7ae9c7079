namespace Cybercrime.Standalone.Year2020;

internal sealed record PlannedMeeting(int Sequence, string Start, string End, string Format, string[] Chapters, bool Held)
{
    /// <summary>The dates it moved to, the format it took and why, when it was postponed.</summary>
    public (string Start, string End, string Format, string Decision)? Postponed { get; init; }
}

/// <summary>
/// The Expert Group to Conduct a Comprehensive Study on Cybercrime as the secretariat records it: its
/// meetings of 2011, 2013, 2017, 2018 and 2019, held; the sixth, set for 6–8 April 2020, postponed because
/// of the COVID-19 pandemic and held 27–29 July 2020 in hybrid form (the Chair and the secretariat in Vienna, everyone else online) on international cooperation and
/// prevention; the seventh, stock-taking meeting set for 6–8 April 2021. Its Rapporteur's compilation of
/// preliminary recommendations, UNODC/CCPCJ/EG.4/2020/2, published in the six languages, and the
/// preliminary recommendations of the sixth meeting under its two chapters.
/// </summary>
internal static class ExpertGroupPlan
{
    public const string Symbol = "UNODC/CCPCJ/EG.4/2020/2";

    public static readonly PlannedMeeting[] Meetings =
    [
        new(1, "2011-01-17", "2011-01-21", "in-person", [], Held: true),
        new(2, "2013-02-25", "2013-02-28", "in-person", [], Held: true),
        new(3, "2017-04-10", "2017-04-13", "in-person", [], Held: true),
        new(4, "2018-04-03", "2018-04-05", "in-person", ["legislation-and-frameworks", "criminalization"], Held: true),
        new(5, "2019-03-27", "2019-03-29", "in-person", ["law-enforcement-and-investigations", "electronic-evidence-and-criminal-justice"], Held: true),
        new(6, "2020-04-06", "2020-04-08", "in-person", ["international-cooperation", "prevention"], Held: true)
        {
            Postponed = ("2020-07-27", "2020-07-29", "hybrid", "Postponed owing to the COVID-19 pandemic"),
        },
        new(7, "2021-04-06", "2021-04-08", "in-person", [], Held: false),
    ];

    public static readonly (string Chapter, string Text)[] Recommendations =
    [
        ("international-cooperation", "States should make full use of 24/7 networks for the expedited preservation of electronic evidence."),
        ("international-cooperation", "States should execute mutual legal assistance requests on electronic evidence in a timely manner."),
        ("international-cooperation", "States should use electronic means to transmit mutual legal assistance requests."),
        ("international-cooperation", "States should support capacity-building on direct cooperation with service providers."),
        ("international-cooperation", "States should designate and publish central authorities for requests concerning cybercrime."),
        ("prevention", "States should invest in awareness campaigns on cybercrime for children, parents and teachers."),
        ("prevention", "States should build public-private partnerships to prevent online child sexual exploitation and abuse."),
        ("prevention", "States should integrate online safety into school curricula."),
        ("prevention", "States should support victims of cybercrime and make reporting easy."),
    ];

    /// <summary>The document's versions: the original in English, then the five other official languages.</summary>
    public static readonly string[] Languages = ["en", "ar", "zh", "fr", "ru", "es"];
}
