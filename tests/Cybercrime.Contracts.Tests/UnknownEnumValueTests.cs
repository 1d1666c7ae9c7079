using System.Text.Json;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Contracts.Tests;

/// <summary>A well-formed name this version does not know is told apart from other bad input (docs/decisions/0010).</summary>
public sealed class UnknownEnumValueTests
{
    [Fact]
    public void An_unknown_name_throws_a_json_error_that_names_the_value_the_enum_and_what_is_allowed()
    {
        var error = Assert.Throws<UnknownEnumValueException>(() => JsonSerializer.Deserialize<AgencyType>("\"cyber-police\"", ContractJson.Options));

        Assert.Equal((typeof(AgencyType), "cyber-police"), (error.EnumType, error.Value));
        Assert.Contains("'cyber-police' is not one of: central-bank", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error);
    }

    [Fact]
    public void Inside_an_event_the_error_says_where_the_value_was()
    {
        var json = JsonSerializer.Serialize(
            new ParticipationSnapshot(Guid.Empty, Guid.Empty, Gender.Female, "GTM", AgencyType.Judiciary, null, EnrolmentStatus.Completed), ContractJson.Options)
            .Replace("\"judiciary\"", "\"cyber-police\"", StringComparison.Ordinal);

        var error = Assert.Throws<UnknownEnumValueException>(() => JsonSerializer.Deserialize<ParticipationSnapshot>(json, ContractJson.Options));

        Assert.Equal("$.agencyType", error.Path);
    }
}
