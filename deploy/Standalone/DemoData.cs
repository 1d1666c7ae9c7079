using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Cybercrime.Standalone.DemoApi;

namespace Cybercrime.Standalone;

/// <summary>
/// On a first start (no 2020 sessions yet), records a small year in the spirit of the 2020 report through
/// the public API, as offices would, then prints what reporting makes of it. <c>Demo:Seed=false</c>
/// (or <c>--Demo:Seed false</c>) starts empty instead; <c>--Demo:Year 2020</c> records the whole year
/// instead (<see cref="YearDemo"/>).
/// </summary>
internal static class DemoData
{
    private static readonly (string Office, object Session, int People, int Completed, string Countries)[] Year =
    [
        ("GUA", Session("Requesting digital evidence from global technology companies", ["digital-evidence", "international-cooperation"], "online", "es", "2020-09-18", null, false), 40, 36, "GTM,HND,SLV,BLZ,CRI"),
        ("SAL", Session("Cyber-incident response protocol for online classrooms", ["incident-response"], "webinar", "es", "2020-10-09", null, false), 30, 30, "SLV"),
        ("BKK", Session("Cryptocurrency and darknet investigations (train the trainer)", ["cryptocurrency", "darknet-investigations"], "hybrid", "en", "2020-11-20", "THA", true), 24, 20, "THA,VNM,KHM,LAO,MYS,IDN,PHL"),
    ];

    public static void SeedOnFirstStart(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Seed", true))
        {
            return;
        }

        if (YearDemo.Refusal(app.Configuration["Demo:Year"]) is { } refusal)
        {
            // One line and a failed start, not a stack trace.
            Console.Error.WriteLine(refusal);
            Environment.Exit(1);
        }

        if (app.Configuration["Demo:Year"] is not null)
        {
            app.RecordYearOnFirstStart();
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await SeedAsync(new Uri(app.Urls.First()), app.Lifetime.ApplicationStopping);
                await EvidenceDemo.SeedAsync(new Uri(app.Urls.First()), app.Lifetime.ApplicationStopping);
                await AwarenessDemo.SeedAsync(new Uri(app.Urls.First()), app.Lifetime.ApplicationStopping);
                await ExpertGroupDemo.SeedAsync(new Uri(app.Urls.First()), app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Console.WriteLine($"Demo data not recorded: {e.Message}");
            }
        }));
    }

    private static async Task SeedAsync(Uri url, CancellationToken stopping)
    {
        using var http = new HttpClient { BaseAddress = url };
        var hq = await TokenAsync(http, null, "hq-reporting", stopping);
        var gua = await TokenAsync(http, "GUA", "office-editor", stopping);
        // The demo year is 2020: a session someone records in another year meanwhile does not stop it.
        if ((await SendAsync(http, HttpMethod.Get, "/training/sessions?year=2020&pageSize=1", gua, null, stopping)).GetProperty("total").GetInt32() > 0)
        {
            return;
        }

        foreach (var (office, session, people, completed, countries) in Year)
        {
            var token = office == "GUA" ? gua : await TokenAsync(http, office, "office-editor");
            var id = (await SendAsync(http, HttpMethod.Post, "/training/sessions", token, JsonContent.Create(session), stopping)).GetProperty("id").GetString();
            var codes = countries.Split(',');
            var csv = new StringBuilder("externalRef,gender,countryCode,agencyType\n");
            for (var i = 0; i < people; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{office.ToLowerInvariant()}-{i:000},{(i % 5 < 3 ? "female" : "male")},{codes[i % codes.Length]},{(i % 3 == 0 ? "prosecution" : "law-enforcement")}\n");
            }

            await SendAsync(http, HttpMethod.Post, $"/training/sessions/{id}/registrations/import", token, new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), stopping);
            for (var i = 0; i < completed; i++)
            {
                var history = await SendAsync(http, HttpMethod.Get, $"/training/participants/{office.ToLowerInvariant()}-{i:000}", token, null, stopping);
                var registrationId = history.GetProperty("sessions")[0].GetProperty("registrationId").GetString();
                await SendAsync(http, HttpMethod.Post, $"/training/sessions/{id}/registrations/{registrationId}/completion", token, null, stopping);
            }
        }

        // The webinar series on OCSEA: 7,832 people reached, counted by country and gender, not registered.
        var dkr = await TokenAsync(http, "DKR", "office-editor");
        var webinar = (await SendAsync(http, HttpMethod.Post, "/training/sessions", dkr,
            JsonContent.Create(Session("Webinar series on online child sexual exploitation and abuse", ["ocsea", "prevention"], "webinar", "fr", "2020-12-04", null, false)), stopping))
            .GetProperty("id").GetString();
        await SendAsync(http, HttpMethod.Put, $"/training/sessions/{webinar}/headcount", dkr, JsonContent.Create(new
        {
            counts = new object[]
            {
                new { countryCode = "SEN", gender = "female", count = 2100 }, new { countryCode = "SEN", gender = "male", count = 1900 },
                new { countryCode = "CIV", gender = "female", count = 1500 }, new { countryCode = "CIV", gender = "male", count = 1200 },
                new { countryCode = "GHA", gender = "female", count = 600 }, new { countryCode = "GHA", gender = "male", count = 532 },
            },
        }), stopping);

        // Reporting learns of it through the bus: wait, briefly, until it has every completion.
        var summary = await SendAsync(http, HttpMethod.Get, "/reporting/training/summary?year=2020", hq, null, stopping);
        for (var attempt = 0; attempt < 100 && (summary.GetProperty("completions").GetInt32() < Year.Sum(y => y.Completed)
            || summary.GetProperty("headcountParticipants").GetInt32() == 0); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stopping);
            summary = await SendAsync(http, HttpMethod.Get, "/reporting/training/summary?year=2020", hq, null, stopping);
        }

        Console.WriteLine($"""

            Demo year recorded through the API. GET /reporting/training/summary?year=2020 now answers:
            {JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true })}

            """);
    }

    private static object Session(string title, string[] topics, string format, string language, string endDate, string? host, bool trainTheTrainer) => new
    {
        title,
        topics,
        format,
        languages = new[] { language },
        startDate = DateOnly.Parse(endDate, CultureInfo.InvariantCulture).AddDays(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endDate,
        hostCountry = host,
        trainTheTrainer,
    };



}
