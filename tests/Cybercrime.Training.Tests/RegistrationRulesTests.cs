using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Tests;

public sealed class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 5, 8, 17, 0, 0, TimeSpan.Zero);

    private static readonly TrainingSession Session = TrainingSession.Schedule(
        "SAL",
        new ValidSession("OCSEA", [TrainingTopic.Ocsea], TrainingFormat.Online, ["es"], new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), null),
        Now).Session;

    private static readonly ValidParticipant Participant = new("sal-0042", Gender.Female, "SLV", AgencyType.Prosecution);

    [Fact]
    public void Registering_raises_version_one_with_the_participants_attributes_but_not_their_reference()
    {
        var (registration, registered) = Registration.Register(Session, Participant, Now);

        Assert.Equal((1L, RegistrationStatus.Registered), (registration.Version, registration.Status));
        Assert.Equal((registration.Id, 1L, "SAL"), (registered.RegistrationId.ToString(), registered.Version, registered.Office));
        Assert.Equal((Gender.Female, "SLV", AgencyType.Prosecution), (registered.Gender, registered.CountryCode, registered.AgencyType));
        Assert.DoesNotContain("sal-0042", System.Text.Json.JsonSerializer.Serialize(registered), StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_a_registered_participant_raises_the_next_version()
    {
        var (registration, _) = Registration.Register(Session, Participant, Now);

        var (completed, @event) = registration.Complete(Now.AddHours(1))!.Value;

        Assert.Equal((2L, RegistrationStatus.Completed, Now.AddHours(1)), (completed.Version, completed.Status, completed.CompletedAt));
        Assert.Equal((2L, registration.ParticipantId, Guid.Parse(Session.Id)), (@event.Version, @event.ParticipantId, @event.SessionId));
    }

    [Fact]
    public void A_completed_registration_cannot_complete_again()
    {
        var (completed, _) = Registration.Register(Session, Participant, Now).Registration.Complete(Now)!.Value;

        Assert.Null(completed.Complete(Now));
    }

    [Fact]
    public void The_same_reference_in_the_same_office_is_the_same_person()
    {
        Assert.Equal(ParticipantIdentity.Of("SAL", "sal-0042"), ParticipantIdentity.Of("SAL", "sal-0042"));
        Assert.NotEqual(ParticipantIdentity.Of("SAL", "sal-0042"), ParticipantIdentity.Of("GUA", "sal-0042"));
        Assert.NotEqual(ParticipantIdentity.Of("SAL", "sal-0042"), ParticipantIdentity.Of("SAL", "sal-0043"));
    }

    [Fact]
    public void Registering_the_same_person_twice_for_a_session_gives_the_same_registration_id()
    {
        var first = Registration.Register(Session, Participant, Now).Registration;
        var again = Registration.Register(Session, Participant with { Gender = Gender.Undisclosed }, Now.AddDays(1)).Registration;

        Assert.Equal(first.Id, again.Id);
    }

    private static RegisterParticipantRequest With(Func<ParticipantRequest, ParticipantRequest> change) => new(change(Request().Participant!));

    private static readonly Dictionary<string, (RegisterParticipantRequest Request, string Field)> InvalidCases = new()
    {
        ["no participant"] = (new RegisterParticipantRequest(null), "participant"),
        ["ExternalRef = ' '"] = (With(p => p with { ExternalRef = " " }), "participant.externalRef"),
        ["ExternalRef = new string('r', 101)"] = (With(p => p with { ExternalRef = new string('r', 101) }), "participant.externalRef"),
        ["Gender = null"] = (With(p => p with { Gender = null }), "participant.gender"),
        ["CountryCode = 'SV'"] = (With(p => p with { CountryCode = "SV" }), "participant.countryCode"),
        ["CountryCode = null"] = (With(p => p with { CountryCode = null }), "participant.countryCode"),
        ["AgencyType = null"] = (With(p => p with { AgencyType = null }), "participant.agencyType"),
    };

    public static TheoryData<string> Invalid() => [.. InvalidCases.Keys];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_bad_participant_field_is_named(string change)
    {
        var (request, field) = InvalidCases[change];
        var errors = new ValidationErrors();

        Assert.Null(RegisterParticipant.Validate(request, errors));
        Assert.Equal([field], ScheduleSessionRulesTests.Fields(errors));
    }

    [Fact]
    public void A_complete_participant_is_valid_and_trimmed()
    {
        var participant = RegisterParticipant.Validate(
            Request() with { Participant = Request().Participant! with { ExternalRef = " p-1 " } }, new ValidationErrors());

        Assert.Equal("p-1", participant!.ExternalRef);
    }

    private static RegisterParticipantRequest Request() =>
        new(new ParticipantRequest("p-1", Gender.Male, "GTM", AgencyType.LawEnforcement));
}
