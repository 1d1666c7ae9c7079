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
            participants.Select(p => p.Participant));
    }

    [Theory]
    [InlineData("Status")]
    [InlineData("state")]
    public void A_misspelt_status_column_is_refused_rather_than_its_completions_dropped(string column)
    {
        var csv = $"externalRef,gender,countryCode,agencyType,{column}\np-1,female,GTM,law-enforcement,completed\n";
        var errors = new ValidationErrors();

        var participants = ImportRegistrations.Parse(csv, errors);

        Assert.Equal(["columns[4]"], ScheduleSessionRulesTests.Fields(errors));
        Assert.Empty(participants);
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

    [Fact]
    public void An_unterminated_quote_is_named_by_the_line_it_opens_on()
    {
        const string csv = "externalRef,gender,countryCode,agencyType\np-1,\"female,GTM,law-enforcement\np-2,male,GTM,judiciary\np-3,male,GTM,judiciary\n";
        var errors = new ValidationErrors();

        ImportRegistrations.Parse(csv, errors);

        Assert.Equal(["rows[2]"], ScheduleSessionRulesTests.Fields(errors));
    }

    [Theory]
    [InlineData("p-2,male,GTM,judiciary,analyst,extra")]
    [InlineData("p-2,male,GTM,judiciary")]
    [InlineData("p-2,\"ma\"le,GTM,judiciary,")]
    [InlineData("p-2,male,GTM,judi\"ciary,")]
    public void A_row_with_other_fields_than_the_header_or_a_stray_quote_is_named_by_its_line_and_not_read(string row)
    {
        var errors = new ValidationErrors();

        var participants = ImportRegistrations.Parse($"externalRef,gender,countryCode,agencyType,role\np-1,female,GTM,law-enforcement,\n{row}\n", errors);

        Assert.Equal(["rows[3]"], ScheduleSessionRulesTests.Fields(errors));
        Assert.Equal(["p-1"], participants.Select(p => p.Participant.ExternalRef));
    }

    [Fact]
    public void A_file_without_the_role_column_needs_no_role()
    {
        var errors = new ValidationErrors();

        var participants = ImportRegistrations.Parse("externalRef,gender,countryCode,agencyType\np-1,female,GTM,law-enforcement\n", errors);

        Assert.False(errors.Any);
        Assert.Equal([new ImportedRow(2, new ValidParticipant("p-1", Gender.Female, "GTM", AgencyType.LawEnforcement), EnrolmentStatus.Registered)], participants);
    }

    [Fact]
    public void A_row_with_a_quoted_line_break_is_named_by_its_first_line_and_the_next_row_by_its_own()
    {
        const string csv = "externalRef,gender,countryCode,agencyType,role\np-1,female,GTM,law-enforcement,\"two\nlines\"\np-2,robot,GTM,judiciary,\n";
        var errors = new ValidationErrors();

        ImportRegistrations.Parse(csv, errors);

        Assert.Equal(["rows[2].role", "rows[4].gender"], ScheduleSessionRulesTests.Fields(errors).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("p-1\u200b")]
    [InlineData("\u202e1-p")]
    [InlineData("p\u00001")]
    public void A_reference_with_invisible_characters_is_refused(string reference)
    {
        var errors = new ValidationErrors();

        ImportRegistrations.Parse($"externalRef,gender,countryCode,agencyType\n{reference},female,GTM,judiciary\n", errors);

        Assert.Equal(["rows[2].externalRef"], ScheduleSessionRulesTests.Fields(errors));
    }

    [Fact]
    public void A_file_with_thousands_of_bad_rows_lists_the_first_hundred_and_counts_the_rest()
    {
        var csv = "externalRef,gender,countryCode,agencyType\n" + string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"p-{i},robot,GTM,judiciary"));
        var errors = new ValidationErrors();

        ImportRegistrations.Parse(csv, errors);

        var problem = (Microsoft.AspNetCore.Http.HttpResults.ValidationProblem)errors.ToResult();
        Assert.Equal(ValidationErrors.MaxFields, problem.ProblemDetails.Errors.Count);
        Assert.Equal(5000 - ValidationErrors.MaxFields, problem.ProblemDetails.Extensions["unlistedFields"]);
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

    [Fact]
    public void A_status_column_says_how_far_each_row_got_and_a_blank_one_registers()
    {
        const string csv = "externalRef,gender,countryCode,agencyType,status\np-1,female,GTM,law-enforcement,completed\np-2,male,HND,prosecution,attended\np-3,male,HND,judiciary,\n";
        var errors = new ValidationErrors();

        var rows = ImportRegistrations.Parse(csv, errors);

        Assert.False(errors.Any);
        Assert.Equal([EnrolmentStatus.Completed, EnrolmentStatus.Attended, EnrolmentStatus.Registered], rows.Select(r => r.Status));
    }

    [Theory]
    [InlineData("waitlisted")]
    [InlineData("no-show")]
    [InlineData("graduated")]
    public void A_status_a_file_cannot_record_is_named_by_its_line(string status)
    {
        var errors = new ValidationErrors();

        var rows = ImportRegistrations.Parse($"externalRef,gender,countryCode,agencyType,status\np-1,female,GTM,law-enforcement,completed\np-2,male,HND,prosecution,{status}\n", errors);

        Assert.Equal(["rows[3].status"], ScheduleSessionRulesTests.Fields(errors));
        Assert.Single(rows);
    }
}
