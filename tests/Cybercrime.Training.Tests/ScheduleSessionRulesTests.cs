using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Tests;

public sealed class ScheduleSessionRulesTests
{
    private static readonly SessionRequest Valid = new(
        "Digital forensics for investigators", [TrainingTopic.DigitalForensics], TrainingFormat.InPerson, ["en", "es"],
        new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), "GTM", [Audience.LawEnforcement, Audience.LawEnforcement], ["ICMEC", "icmec"], 25, true);

    [Fact]
    public void A_complete_request_is_valid()
    {
        var errors = new ValidationErrors();

        var details = Valid.Validate(errors);

        Assert.False(errors.Any);
        Assert.Equal(("Digital forensics for investigators", "GTM", 25, true), (details!.Title, details.HostCountry, details.Capacity, details.TrainTheTrainer));
        Assert.Equal([Audience.LawEnforcement], details.Audiences);
        Assert.Equal(["ICMEC"], details.Partners);
    }

    private static readonly Dictionary<string, (SessionRequest Request, string Field)> InvalidCases = new()
    {
        ["Title = null"] = (Valid with { Title = null }, "title"),
        ["Title = '   '"] = (Valid with { Title = "   " }, "title"),
        ["Title = new string('x', MaxTitleLength + 1)"] = (Valid with { Title = new string('x', SessionRequest.MaxTitleLength + 1) }, "title"),
        ["Topics = null"] = (Valid with { Topics = null }, "topics"),
        ["Topics = []"] = (Valid with { Topics = [] }, "topics"),
        ["Topics = [TrainingTopic.Osint, TrainingTopic.Osint]"] = (Valid with { Topics = [TrainingTopic.Osint, TrainingTopic.Osint] }, "topics"),
        ["Topics = [TrainingTopic.Osint, (TrainingTopic)99]"] = (Valid with { Topics = [TrainingTopic.Osint, (TrainingTopic)99] }, "topics[1]"),
        ["Format = null"] = (Valid with { Format = null }, "format"),
        ["Languages = []"] = (Valid with { Languages = [] }, "languages"),
        ["Languages = ['en', 'english']"] = (Valid with { Languages = ["en", "english"] }, "languages[1]"),
        ["StartDate = null"] = (Valid with { StartDate = null }, "startDate"),
        ["EndDate = null"] = (Valid with { EndDate = null }, "endDate"),
        ["EndDate = new DateOnly(2020, 5, 3)"] = (Valid with { EndDate = new DateOnly(2020, 5, 3) }, "endDate"),
        ["HostCountry = 'GT'"] = (Valid with { HostCountry = "GT" }, "hostCountry"),
        ["HostCountry = null"] = (Valid with { HostCountry = null }, "hostCountry"),
        ["Capacity = 0"] = (Valid with { Capacity = 0 }, "capacity"),
        ["Audiences = [(Audience)42]"] = (Valid with { Audiences = [(Audience)42] }, "audiences[0]"),
        ["Partners = ['ICMEC', ' ']"] = (Valid with { Partners = ["ICMEC", " "] }, "partners[1]"),
        ["Partners = ['\\u200b']"] = (Valid with { Partners = ["\u200b"] }, "partners[0]"),
        ["Title = '\\u0000'"] = (Valid with { Title = "\u0000" }, "title"),
        ["Title = '\\u200b\\u200b'"] = (Valid with { Title = "\u200b\u200b" }, "title"),
        ["Title = '\\u202eevil'"] = (Valid with { Title = "\u202eevil" }, "title"),
        ["Title = '\\u200d'"] = (Valid with { Title = "\u200d" }, "title"),
        ["StartDate = 0001-01-01"] = (Valid with { StartDate = DateOnly.MinValue }, "startDate"),
        ["StartDate = 1900-01-01"] = (Valid with { StartDate = new DateOnly(1900, 1, 1) }, "startDate"),
        ["EndDate = 2101-01-01"] = (Valid with { EndDate = new DateOnly(2101, 1, 1) }, "endDate"),
    };

    public static TheoryData<string> Invalid() => [.. InvalidCases.Keys];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_bad_field_is_named(string change)
    {
        var (request, field) = InvalidCases[change];
        var errors = new ValidationErrors();

        Assert.Null(request.Validate(errors));
        Assert.Equal([field], Fields(errors));
    }

    [Theory]
    [InlineData(TrainingFormat.Online)]
    [InlineData(TrainingFormat.Webinar)]
    [InlineData(TrainingFormat.MultiWeekCourse)]
    public void An_online_session_needs_no_host_country(TrainingFormat format)
    {
        var errors = new ValidationErrors();

        Assert.NotNull((Valid with { Format = format, HostCountry = null }).Validate(errors));
    }

    [Fact]
    public void A_one_day_session_may_end_the_day_it_starts()
    {
        Assert.NotNull((Valid with { EndDate = Valid.StartDate }).Validate(new ValidationErrors()));
    }

    [Fact]
    public void A_session_from_0001_to_9999_is_refused_on_both_dates()
    {
        var errors = new ValidationErrors();

        Assert.Null((Valid with { StartDate = DateOnly.MinValue, EndDate = DateOnly.MaxValue }).Validate(errors));
        Assert.Equal(["endDate", "startDate"], Fields(errors).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_session_in_the_first_and_last_reporting_years_is_accepted_and_reporting_answers_for_both()
    {
        var errors = new ValidationErrors();

        Assert.NotNull((Valid with { StartDate = new DateOnly(ReportingYears.First, 1, 1), EndDate = new DateOnly(ReportingYears.Last, 12, 31) }).Validate(errors));
        Assert.True(ReportingYears.Contains(ReportingYears.First) && ReportingYears.Contains(ReportingYears.Last));
    }

    [Fact]
    public void Text_in_scripts_that_need_joiners_is_kept()
    {
        var errors = new ValidationErrors();

        var details = (Valid with { Title = "  می\u200cخواهم  " }).Validate(errors);

        Assert.Equal("می\u200cخواهم", details!.Title);
    }

    internal static string[] Fields(ValidationErrors errors)
    {
        var problem = (Microsoft.AspNetCore.Http.HttpResults.ValidationProblem)errors.ToResult();
        return [.. problem.ProblemDetails.Errors.Keys];
    }
}
