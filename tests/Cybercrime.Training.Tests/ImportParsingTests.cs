using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Training.Registrations;

namespace Cybercrime.Training.Tests;

public sealed class ImportParsingTests
{
    [Fact]
    public void A_good_file_gives_every_participant_in_order()
    {
        const string csv = "externalRef,gender,countryCode,agencyType,role\np-1,female,GTM,law-enforcement,analyst\n\"p,2\",male,HND,prosecution,\n";
        var errors = new ValidationErrors();

        var participants = ImportRegistrations.Parse(csv, errors);

        Assert.False(errors.Any);
        Assert.Equal(
            [new ValidParticipant("p-1", Gender.Female, "GTM", AgencyType.LawEnforcement, "analyst"), new ValidParticipant("p,2", Gender.Male, "HND", AgencyType.Prosecution)],
            participants);
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_line_in_the_file()
    {
        const string csv = """
            externalRef,gender,countryCode,agencyType
            p-1,female,GTM,law-enforcement
            p-2,woman,GTM,law-enforcement
            p-3,male,XXX,police
            p-1,male,GTM,judiciary
            ,male,GTM,judiciary
            """;
        var errors = new ValidationErrors();

        ImportRegistrations.Parse(csv, errors);

        Assert.Equal(
            ["rows[3].gender", "rows[4].agencyType", "rows[4].countryCode", "rows[5].externalRef", "rows[6].externalRef"],
            ScheduleSessionRulesTests.Fields(errors).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ref,gender,countryCode,agencyType\np-1,female,GTM,law-enforcement")]
    public void A_file_without_the_expected_header_is_refused(string csv)
    {
        var errors = new ValidationErrors();

        Assert.Empty(ImportRegistrations.Parse(csv, errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void Headcounts_name_each_bad_line()
    {
        var errors = new ValidationErrors();

        var counts = Cybercrime.Training.Sessions.RecordHeadcount.Validate(
            new([new("GTM", Gender.Female, 10), new("GTM", Gender.Female, 4), new("XX", null, -1)]), errors);

        Assert.Null(counts);
        Assert.Equal(["counts[1]", "counts[2].count", "counts[2].countryCode", "counts[2].gender"], ScheduleSessionRulesTests.Fields(errors).Order(StringComparer.Ordinal));
    }
}
