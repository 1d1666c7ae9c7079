using System.Globalization;

namespace Cybercrime.Standalone.Year2020;

/// <summary>
/// A session as the office records it afterwards: who completed, who only attended or registered, who
/// did not come, and whether it was called off.
/// </summary>
internal sealed record PlannedSession(
    string Office, string Title, string[] Topics, string Format, string[] Languages, string Start, string End, string? Host,
    string[] Audiences, string[] Partners, bool TrainTheTrainer, IReadOnlyList<Person> Completed)
{
    /// <summary>Took part without completing (dropped out of a course).</summary>
    public IReadOnlyList<Person> Attended { get; init; } = [];

    /// <summary>Registered and no more: a session called off before it began.</summary>
    public IReadOnlyList<Person> Registered { get; init; } = [];

    public IReadOnlyList<Person> NoShows { get; init; } = [];

    public bool Cancelled { get; init; }

    public int Year => DateOnly.Parse(End, CultureInfo.InvariantCulture).Year;
}

/// <summary>
/// The training year 2020 of the six offices, as a plan: who (cohorts of each office, their countries and
/// agencies), then what (the sessions each cohort completed). Names, genders and the countries beyond each
/// cohort's first are drawn from a seeded <see cref="Random"/>, so every run records the same year. The
/// figures of the annual report come out exact (<see cref="Figures2020"/>):
/// <list type="bullet">
/// <item>criminal justice (law enforcement, prosecution, judiciary): 655 on digital evidence + 1,000 in the
/// diploma + 78 on cryptocurrency + 707 in the other trainings = 2,440 people, from 64 countries;</item>
/// <item>and apart: 52 from central banks and FIUs on cryptocurrency, 5,600 teachers on prevention, 650 IT
/// staff and teachers on incident response (120 of them among the 5,600), 60 officials on legislation.</item>
/// </list>
/// Some people complete two sessions (they count once); some registered without completing, some did not
/// come, and one session was called off (it counts nowhere).
/// </summary>
internal static class TrainingPlan
{
    private static readonly (string, int)[] Justice = [("law-enforcement", 45), ("prosecution", 35), ("judiciary", 20)];
    private static readonly (string, int)[] Police = [("law-enforcement", 1)];
    private static readonly (string, int)[] Finance = [("central-bank", 1), ("financial-intelligence-unit", 1)];
    private static readonly (string, int)[] Teachers = [("education", 1)];

    private static readonly string[] CentralAmerica = ["GTM", "HND", "BLZ", "CRI"];
    private static readonly string[] DiplomaInEnglish = ["BLZ", "JAM", "TTO", "GUY", "BHS", "BRB", "KEN", "UGA", "TZA", "RWA", "ETH", "NGA", "GHA", "ZAF",
        "ZMB", "MWI", "PHL", "IND", "PAK", "LKA", "BGD", "NPL", "MYS", "THA", "IDN", "USA", "GBR", "AUS"];
    private static readonly string[] DiplomaInSpanish = ["MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "COL", "ECU", "PER", "BOL", "CHL", "ARG", "URY", "PRY", "DOM"];
    private static readonly string[] SouthEastAsia = ["THA", "VNM", "KHM", "LAO", "MYS", "IDN", "PHL", "MMR"];
    private static readonly string[] WestAfrica = ["SEN", "CIV", "BFA", "MLI", "NER", "GIN", "CPV", "GNB", "BEN", "TGO", "GHA", "NGA"];
    private static readonly string[] EastAndSouthernAfrica = ["SOM", "SSD", "MOZ", "AGO", "KEN", "UGA", "TZA", "ETH", "RWA"];
    private static readonly string[] AsiaPacific = ["BTN", "MDV", "THA", "VNM", "KHM", "LAO", "PHL", "IDN"];

    public static IReadOnlyList<PlannedSession> Sessions(int seed = 2020)
    {
        var people = new People(new Random(seed));
        var sessions = new List<PlannedSession>();

        // Digital evidence from global technology companies: 655 justice officials of five countries.
        var guaEvidence = Parts(people.Cohort("GUA", "gua-de", 505, CentralAmerica, Justice, 0.45), 5);
        var salEvidence = Parts(people.Cohort("SAL", "sal-de", 150, ["SLV"], Justice, 0.5), 2);
        string[] evidence = ["digital-evidence", "international-cooperation"];
        string[] justiceAudiences = ["law-enforcement", "prosecutors", "judges"];
        for (var i = 0; i < 5; i++)
        {
            var month = 5 + i;
            var completed = i == 3 ? [.. guaEvidence[i], .. people.Some(guaEvidence[0], 15)] : guaEvidence[i]; // a refresher for some of May's
            sessions.Add(new("GUA", $"Requesting digital evidence from Facebook, Instagram, Microsoft and WhatsApp ({i + 1})", evidence, "online",
                i == 2 ? ["en"] : ["es"], $"2020-{month:00}-04", $"2020-{month:00}-08", null, justiceAudiences, [], false, completed));
        }

        sessions.Add(new("SAL", "Obtaining electronic evidence from global technology companies", evidence, "online", ["es"], "2020-06-15", "2020-06-19", null,
            justiceAudiences, [], false, salEvidence[0]));
        sessions.Add(new("SAL", "Digital evidence in court: requests to service providers", [.. evidence, "due-process"], "hybrid", ["es"], "2020-10-19", "2020-10-23", "SLV",
            justiceAudiences, [], false, salEvidence[1]));

        // The 12-week online diploma on OCSEA with ICMEC, in English and in Spanish: 1,000 people of 44 countries; some dropped out.
        var diplomaEn = people.Cohort("VIE", "vie-dip", 560, DiplomaInEnglish, Justice, 0.5);
        var diplomaEs = people.Cohort("GUA", "gua-dip", 440, DiplomaInSpanish, Justice, 0.5);
        sessions.Add(new("VIE", "Diploma on online child sexual exploitation and abuse (English)", ["ocsea", "digital-forensics", "human-rights"], "multi-week-course", ["en"],
            "2020-05-04", "2020-07-24", null, justiceAudiences, ["ICMEC"], false, diplomaEn)
        { Attended = people.Cohort("VIE", "vie-dip-x", 64, DiplomaInEnglish, Justice, 0.5) });
        sessions.Add(new("GUA", "Diplomado sobre explotación y abuso sexual infantil en línea (Spanish)", ["ocsea", "digital-forensics", "human-rights"], "multi-week-course", ["es"],
            "2020-08-03", "2020-10-23", null, justiceAudiences, ["ICMEC"], false, diplomaEs)
        { Attended = people.Cohort("GUA", "gua-dip-x", 47, DiplomaInSpanish, Justice, 0.5) });

        // Cryptocurrency and darknet investigations in South-East Asia, train the trainer: 130 of police, central banks and FIUs.
        var police = Parts(people.Cohort("BKK", "bkk-cr", 78, SouthEastAsia, Police, 0.3), 3);
        var finance = Parts(people.Cohort("BKK", "bkk-fin", 52, SouthEastAsia, Finance, 0.5), 3);
        string[] crypto = ["cryptocurrency", "darknet-investigations"];
        string[] cryptoAudiences = ["law-enforcement", "central-bank", "financial-intelligence-unit"];
        sessions.Add(new("BKK", "Cryptocurrency investigations: training of trainers", crypto, "in-person", ["en"], "2020-02-10", "2020-02-14", "THA",
            cryptoAudiences, ["INTERPOL"], true, [.. police[0], .. finance[0]]));
        sessions.Add(new("BKK", "Cryptocurrency and darknet investigations (online course)", crypto, "online", ["en"], "2020-06-22", "2020-06-26", null,
            cryptoAudiences, [], false, [.. police[1], .. finance[1]]));
        sessions.Add(new("BKK", "Tracing cryptocurrency: advanced course", crypto, "online", ["en", "th"], "2020-10-12", "2020-10-16", null,
            cryptoAudiences, [], false, [.. police[2], .. finance[2], .. people.Some(police[0], 10)]));

        // Teachers of Guatemala, Honduras and El Salvador on prevention: 5,600.
        var guaTeachers = Parts(people.Cohort("GUA", "gua-t", 3600, ["GTM", "HND"], Teachers, 0.74, "teacher"), 9);
        var salTeachers = Parts(people.Cohort("SAL", "sal-t", 2000, ["SLV"], Teachers, 0.72, "teacher"), 5);
        for (var i = 0; i < 9; i++)
        {
            var completed = i == 8 ? [.. guaTeachers[i], .. people.Some(guaTeachers[0], 40)] : guaTeachers[i];
            sessions.Add(new("GUA", $"Prevención de la explotación sexual infantil en línea para docentes, grupo {i + 1}", ["prevention", "ocsea"], "online", ["es"],
                $"2020-{4 + i:00}-13", $"2020-{4 + i:00}-17", null, ["teachers"], ["End Violence"], false, completed));
        }

        for (var i = 0; i < 5; i++)
        {
            sessions.Add(new("SAL", $"Docentes protegiendo a la niñez en línea, grupo {i + 1}", ["prevention", "ocsea"], i % 2 == 0 ? "online" : "webinar", ["es"],
                $"2020-{4 + (2 * i):00}-04", $"2020-{4 + (2 * i):00}-08", null, ["teachers"], [], false, salTeachers[i]));
        }

        // The cyber-incident response protocol for online classrooms in El Salvador: 650 IT staff and teachers, 120 of them already trained on prevention.
        var itStaff = people.Cohort("SAL", "sal-it", 260, ["SLV"], [("government", 1)], 0.35, "IT staff");
        var moreTeachers = people.Cohort("SAL", "sal-ir", 270, ["SLV"], Teachers, 0.7, "teacher");
        var returning = people.Some([.. salTeachers.SelectMany(t => t)], 120);
        sessions.Add(new("SAL", "Protocolo de respuesta a incidentes cibernéticos en aulas virtuales", ["incident-response"], "online", ["es"], "2020-09-07", "2020-09-11", null,
            ["it-staff", "teachers"], [], false, [.. itStaff.Take(130), .. moreTeachers.Take(135), .. returning.Take(60)]));
        sessions.Add(new("SAL", "Protocolo de respuesta a incidentes cibernéticos en aulas virtuales (segunda edición)", ["incident-response"], "webinar", ["es"], "2020-11-09", "2020-11-13", null,
            ["it-staff", "teachers"], [], false, [.. itStaff.Skip(130), .. moreTeachers.Skip(135), .. returning.Skip(60)]));

        // Every office's other trainings for criminal justice: 707 people, and some of those above again.
        var dakar = Parts(people.Cohort("DKR", "dkr", 180, WestAfrica, Justice, 0.35), 3);
        sessions.Add(new("DKR", "Open-source intelligence for investigators", ["osint"], "in-person", ["fr"], "2020-02-17", "2020-02-21", "SEN",
            ["law-enforcement"], [], false, dakar[0]) { NoShows = people.Cohort("DKR", "dkr-ns", 6, WestAfrica, Justice, 0.35) });
        sessions.Add(new("DKR", "Digital forensics and mobile devices for first responders", ["digital-forensics", "mobile-forensics"], "online", ["fr"], "2020-07-06", "2020-07-10", null,
            ["law-enforcement"], [], false, dakar[1]));
        sessions.Add(new("DKR", "International cooperation in cybercrime cases", ["international-cooperation", "cybercrime-legislation"], "online", ["fr", "pt"], "2020-10-05", "2020-10-09", null,
            justiceAudiences, [], false, dakar[2]));
        var nairobi = Parts(people.Cohort("NBO", "nbo", 160, EastAndSouthernAfrica, Justice, 0.4), 2);
        sessions.Add(new("NBO", "Malware investigations and threat intelligence", ["malware-investigations", "threat-intelligence"], "online", ["en", "pt"], "2020-06-08", "2020-06-12", null,
            ["law-enforcement"], [], false, nairobi[0]));
        sessions.Add(new("NBO", "Investigating online wildlife crime", ["wildlife-crime", "osint"], "hybrid", ["en"], "2020-09-14", "2020-09-18", "KEN",
            ["law-enforcement", "prosecutors"], [], false, nairobi[1]));
        var bangkok = Parts(people.Cohort("BKK", "bkk", 120, AsiaPacific, Justice, 0.35), 2);
        sessions.Add(new("BKK", "Mobile forensics with specialised hardware and software", ["mobile-forensics", "specialised-hardware-software"], "in-person", ["en"], "2020-01-20", "2020-01-24", "THA",
            ["law-enforcement"], [], false, bangkok[0]));
        sessions.Add(new("BKK", "Darknet investigations for first responders", ["darknet-investigations", "osint"], "online", ["en"], "2020-08-17", "2020-08-21", null,
            ["law-enforcement"], [], false, [.. bangkok[1], .. people.Some(police[1], 8)]));
        sessions.Add(new("VIE", "Investigating online child sexual exploitation and abuse: global expert conference", ["ocsea", "human-rights"], "conference", ["en"], "2020-02-24", "2020-02-26", "AUT",
            justiceAudiences, ["INTERPOL", "Europol", "ECTEG"], false, [.. people.Cohort("VIE", "vie", 80, ["USA", "GBR", "AUS", "IND", "PAK", "NGA", "KEN"], Justice, 0.45), .. people.Some(diplomaEn, 20)]));
        sessions.Add(new("GUA", "Análisis de inteligencia sobre amenazas", ["threat-intelligence"], "webinar", ["es"], "2020-11-23", "2020-11-27", null,
            ["law-enforcement"], [], false, people.Cohort("GUA", "gua", 97, [.. CentralAmerica, "MEX", "DOM"], Justice, 0.4)));
        sessions.Add(new("SAL", "Due process and human rights in cybercrime investigations", ["due-process", "human-rights"], "online", ["es"], "2020-08-10", "2020-08-14", null,
            justiceAudiences, [], false, people.Cohort("SAL", "sal", 70, ["SLV"], Justice, 0.5)));

        // Legislative drafting for government officials: trained, not counted as criminal justice.
        sessions.Add(new("NBO", "Drafting cybercrime legislation", ["cybercrime-legislation"], "online", ["en"], "2020-11-16", "2020-11-20", null,
            ["government"], ["World Bank"], false, people.Cohort("NBO", "nbo-gov", 60, ["KEN", "UGA", "TZA", "RWA"], [("government", 4), ("civil-society", 1)], 0.5)));

        // Called off in March 2020 with its people registered: counts nowhere.
        sessions.Add(new("VIE", "Digital forensics laboratory course, Vienna", ["digital-forensics"], "in-person", ["en"], "2020-03-23", "2020-03-27", "AUT",
            ["law-enforcement"], [], false, []) { Registered = people.Cohort("VIE", "vie-off", 24, ["KEN", "NGA", "GHA"], Police, 0.4), Cancelled = true });
        return sessions;
    }

    private static IReadOnlyList<Person>[] Parts(IReadOnlyList<Person> cohort, int parts) => People.Split(cohort, parts);
}
