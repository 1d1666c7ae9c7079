using System.Text.Json;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Contracts.Tests;

public sealed class ContractJsonTests
{
    [Fact]
    public void An_event_serializes_with_camel_case_members_kebab_case_enums_and_iso_dates()
    {
        var e = new TrainingSessionScheduled(
            Guid.Empty, new DateTimeOffset(2020, 5, 1, 8, 0, 0, TimeSpan.Zero), "GUA", Guid.Empty, 1, new TrainingSessionSnapshot(
                "Forensics", [TrainingTopic.DigitalForensics, TrainingTopic.Ocsea], TrainingFormat.MultiWeekCourse, ["es"], new DateOnly(2020, 5, 4),
                new DateOnly(2020, 5, 8), null, [Audience.ItStaff], ["ICMEC"], 30, false, SessionStatus.Scheduled, []));

        var json = JsonSerializer.Serialize(e, ContractJson.Options);

        Assert.Contains("\"topics\":[\"digital-forensics\",\"ocsea\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"format\":\"multi-week-course\"", json, StringComparison.Ordinal);
        Assert.Contains("\"startDate\":\"2020-05-04\"", json, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2020-05-01T08:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"hostCountry\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"audiences\":[\"it-staff\"]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("aggregateId", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<TrainingSessionScheduled>(json, ContractJson.Options);
        Assert.Equal(json, JsonSerializer.Serialize(back, ContractJson.Options));
    }

    [Theory]
    [InlineData("\"DigitalForensics\"")]
    [InlineData("\"digital_forensics\"")]
    [InlineData("3")]
    [InlineData("\"ocsea, osint\"")]
    public void Enums_accept_only_their_kebab_case_names(string value)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TrainingTopic>(value, ContractJson.Options));

        Assert.Contains("digital-forensics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_dictionary_keys_are_kebab_case_too()
    {
        var json = JsonSerializer.Serialize(new Dictionary<AgencyType, int> { [AgencyType.FinancialIntelligenceUnit] = 2 }, ContractJson.Options);

        Assert.Equal("{\"financial-intelligence-unit\":2}", json);
    }

    [Fact]
    public void Dictionary_keys_that_are_data_keep_their_spelling()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, int> { ["GTM"] = 1, ["BKK"] = 2 }, ContractJson.Options);

        Assert.Equal("{\"GTM\":1,\"BKK\":2}", json);
    }

    [Theory]
    [InlineData("GTM", true)]
    [InlineData("SLV", true)]
    [InlineData("gtm", false)]
    [InlineData("GT", false)]
    [InlineData("XXX", false)]
    public void Countries_are_iso_3166_alpha_3(string code, bool valid) => Assert.Equal(valid, IsoCodes.IsCountry(code));

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt", true)]
    [InlineData("EN", false)]
    [InlineData("eng", false)]
    public void Languages_are_iso_639_1(string code, bool valid) => Assert.Equal(valid, IsoCodes.IsLanguage(code));
}
