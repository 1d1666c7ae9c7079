namespace Cybercrime.Standalone.Year2020;

/// <summary>A campaign and the platform exports its office imports: each file a list of <c>channel,metric,period,value,country,language</c> rows.</summary>
internal sealed record PlannedCampaign(string Office, object Campaign, IReadOnlyList<string> Exports);

internal sealed record PlannedActivity(string Office, string Title, string Kind, string Date, string[] Languages, (string Country, int Count)[] Participants);

/// <summary>
/// The awareness year: TV Azteca's "Internet during lockdown" in Guatemala (28,500,000 TV views, month by
/// month, one month corrected by a second export); the programme's own Twitter and LinkedIn (2,800,000
/// views between them, the only campaign on those channels); a social-media campaign in Africa in English,
/// Portuguese and French; national TV and radio in El Salvador; a podcast. Activities: the OCSEA webinar
/// series in four languages (7,832 people of 15 countries) and conferences, workshops and school sessions,
/// 24,400 people in all.
/// </summary>
internal static class AwarenessPlan
{
    public const string TvAzteca = "Internet durante el confinamiento (Internet during lockdown), with TV Azteca";

    /// <summary>Where the programme's own channels are aimed: the countries of its offices' work.</summary>
    private static readonly string[] Programme = ["GTM", "SLV", "HND", "KEN", "SEN", "THA"];

    private const string Header = "channel,metric,period,value,country,language\n";

    public static IReadOnlyList<PlannedCampaign> Campaigns() =>
    [
        new("GUA", Campaign(TvAzteca, ["children", "parents"], ["GTM"], ["es"], ["tv"], ["TV Azteca"], "2020-04-01", "2020-12-31"),
        [
            Header + Monthly("tv", "views", "GTM", "es", 4, 4_100_000, 4_500_000, 3_900_000, 3_200_000, 2_900_000, 2_700_000, 2_500_000, 2_300_000, 2_300_000),
            Header + "tv,views,2020-05,4600000,GTM,es\n", // the broadcaster's corrected May
        ]),
        new("VIE", Campaign("The Global Programme on Cybercrime on Twitter and LinkedIn", ["general-public", "practitioners"], Programme, ["en", "es", "fr"], ["twitter", "linkedin"], [], "2020-01-01", "2020-12-31"),
        [
            Header + "twitter,views,2020-Q1,420000,,\ntwitter,views,2020-Q2,510000,,\ntwitter,views,2020-Q3,580000,,\ntwitter,views,2020-Q4,490000,,\n"
                + "linkedin,views,2020-Q1,150000,,\nlinkedin,views,2020-Q2,200000,,\nlinkedin,views,2020-Q3,230000,,\nlinkedin,views,2020-Q4,220000,,\n"
                + "twitter,engagements,2020,61000,,\n",
        ]),
        new("DKR", Campaign("Protégeons nos enfants en ligne / Protect our children online / Proteger as crianças online", ["children", "parents"], ["SEN", "CIV", "NGA", "KEN", "MOZ", "AGO"],
            ["en", "pt", "fr"], ["facebook", "instagram", "youtube"], ["UNICEF"], "2020-06-01", "2020-12-31"),
        [
            Header + "facebook,views,2020-Q3,620000,,fr\nfacebook,views,2020-Q3,540000,,en\nfacebook,views,2020-Q3,310000,,pt\n"
                + "facebook,views,2020-Q4,700000,,fr\nfacebook,views,2020-Q4,590000,,en\nfacebook,views,2020-Q4,350000,,pt\n"
                + "instagram,views,2020-Q3,180000,,fr\ninstagram,views,2020-Q4,210000,,en\nyoutube,views,2020-Q4,95000,,pt\n",
        ]),
        new("SAL", Campaign("Navega seguro: national TV and radio in El Salvador", ["children", "parents", "teachers"], ["SLV"], ["es"], ["tv", "radio"], [], "2020-06-01", "2020-11-30"),
        [
            Header + Monthly("tv", "views", "SLV", "es", 6, 900_000, 1_100_000, 1_050_000, 1_000_000, 1_150_000, 1_000_000)
                + "radio,listeners,2020-Q3,240000,SLV,es\nradio,listeners,2020-Q4,210000,SLV,es\n",
        ]),
        new("VIE", Campaign("Cybercrime and COVID-19: a UN podcast", ["general-public"], Programme, ["en"], ["podcast"], [], "2020-05-01", "2020-12-31"),
        [
            Header + "podcast,downloads,2020,38000,,en\npodcast,listeners,2020,45000,,en\n",
        ]),
    ];

    public static IReadOnlyList<PlannedActivity> Activities() =>
    [
        // The webinar series on OCSEA, in four languages and several time zones: 7,832 people of 15 countries.
        new("DKR", "Webinaire : l'exploitation sexuelle des enfants en ligne", "webinar", "2020-06-10", ["fr"], [("SEN", 1010), ("CIV", 640), ("BFA", 310), ("MLI", 280)]),
        new("DKR", "Webinar: exploração e abuso sexual de crianças online", "webinar", "2020-07-08", ["pt"], [("CPV", 260), ("GNB", 210), ("MOZ", 480), ("AGO", 530)]),
        new("NBO", "Webinar: online child sexual exploitation and abuse", "webinar", "2020-06-24", ["en"], [("KEN", 930), ("UGA", 540), ("NGA", 610), ("GHA", 450)]),
        new("GUA", "Seminario web: explotación sexual infantil en línea", "webinar", "2020-08-19", ["es"], [("GTM", 620), ("HND", 410)]),
        new("SAL", "Seminario web: la niñez segura en línea", "webinar", "2020-09-16", ["es"], [("SLV", 552)]),

        // Everything else the offices held: 16,568 people.
        new("BKK", "ASEAN regional conference on child online protection (with UNICEF and ITU)", "conference", "2020-11-18", ["en"],
            [("THA", 1200), ("VNM", 900), ("PHL", 1100), ("IDN", 1000), ("MYS", 700), ("KHM", 500), ("LAO", 300), ("MMR", 400)]),
        new("BKK", "Online safety sessions for schools in Thailand", "school-session", "2020-09-30", ["th"], [("THA", 2500)]),
        new("GUA", "Navega seguro: sesiones escolares", "school-session", "2020-10-14", ["es"], [("GTM", 2400), ("HND", 1300)]),
        new("SAL", "Talleres para madres y padres: la niñez en internet", "workshop", "2020-07-22", ["es"], [("SLV", 1800)]),
        new("NBO", "Workshop for parents and caregivers on online safety", "workshop", "2020-10-07", ["en"], [("KEN", 900), ("UGA", 568)]),
        new("DKR", "Sessions de sensibilisation dans les écoles", "school-session", "2020-11-25", ["fr"], [("SEN", 1000)]),
    ];

    private static object Campaign(string name, string[] audiences, string[] countries, string[] languages, string[] channels, string[] partners, string start, string end) =>
        new { name, audiences, countries, languages, channels, partners, startDate = start, endDate = end };

    /// <summary>One figure a month from the campaign's first month on.</summary>
    private static string Monthly(string channel, string metric, string country, string language, int firstMonth, params int[] values) =>
        string.Concat(values.Select((v, i) => $"{channel},{metric},2020-{firstMonth + i:00},{v},{country},{language}\n"));
}
