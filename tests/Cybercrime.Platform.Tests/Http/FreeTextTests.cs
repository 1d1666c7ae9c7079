using Cybercrime.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cybercrime.Platform.Tests.Http;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u0007b")]
    [InlineData("\u0085")]
    [InlineData("\u200b")]
    [InlineData("abc\u202e")]
    [InlineData("\u2066x\u2069")]
    [InlineData("\ufeffx")]
    [InlineData("a\u2028b")]
    [InlineData("\ue000")]
    [InlineData("   ")]
    [InlineData("\u200d")]
    [InlineData("\u3000")]
    [InlineData("\u3164")]
    [InlineData("\u115f")]
    [InlineData("\uffa0")]
    [InlineData("a\u034f")]
    [InlineData("\u2800")]
    [InlineData("\u180b")]
    [InlineData("\ufe0f")]
    [InlineData("\u17b4")]
    [InlineData("\u0301")]
    [InlineData("x\u0378")]
    [InlineData("\uffff")]
    [InlineData("\U000E0100")]
    [InlineData("\U0001D159")]
    public void Control_invisible_and_blank_text_is_refused(string text)
    {
        var errors = new ValidationErrors();

        Assert.False(FreeText.Check(errors, "title", text, 100, out _));
        Assert.True(errors.Any);
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        var errors = new ValidationErrors();

        // Built at run time: an attribute's string cannot hold an unpaired surrogate.
        Assert.False(FreeText.Check(errors, "title", new string(['a', '\ud800', 'x']), 100, out _));
    }

    [Theory]
    [InlineData("  Digital evidence  ", "Digital evidence")]
    [InlineData("Évaluation (ONUDC) – 2ᵉ session", "Évaluation (ONUDC) – 2ᵉ session")]
    [InlineData("دورة تدريبية", "دورة تدريبية")]
    [InlineData("می\u200cخواهم", "می\u200cخواهم")]
    [InlineData("👩‍💻 forensics", "👩‍💻 forensics")]
    [InlineData("❤\ufe0f prevention", "❤\ufe0f prevention")]
    [InlineData("Café\u0301", "Café\u0301")]
    [InlineData("한국어 연수", "한국어 연수")]
    public void Visible_text_in_any_script_is_kept_trimmed(string text, string kept)
    {
        var errors = new ValidationErrors();

        Assert.True(FreeText.Check(errors, "title", text, 100, out var checkedText));
        Assert.Equal(kept, checkedText);
    }

    [Fact]
    public void Optional_text_may_be_absent_or_empty_but_a_required_one_may_not()
    {
        var errors = new ValidationErrors();

        Assert.True(FreeText.Check(errors, "role", null, 10, out var none) && FreeText.Check(errors, "role", "", 10, out _));
        Assert.False(FreeText.Check(errors, "title", "", 10, out _, "A title is required."));
        Assert.False(FreeText.Check(errors, "title", "eleven char", 10, out _, "A title is required."));
        Assert.Null(none);
    }
}

public sealed class ValidationErrorsTests
{
    [Fact]
    public void The_answer_lists_the_first_hundred_fields_and_counts_the_rest()
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < 250; i++)
        {
            errors.Add($"rows[{i}]", "Bad.");
            errors.Add($"rows[{i}]", "Worse.");
        }

        var problem = Assert.IsType<ValidationProblem>(errors.ToResult());

        Assert.Equal(ValidationErrors.MaxFields, problem.ProblemDetails.Errors.Count);
        Assert.Equal(["Bad.", "Worse."], problem.ProblemDetails.Errors["rows[0]"]);
        Assert.Equal(150, problem.ProblemDetails.Extensions["unlistedFields"]);
    }
}
