using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Tests;

public sealed class EnrolmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 5, 8, 17, 0, 0, TimeSpan.Zero);

    private static TrainingSession Session(int? capacity = null) => TrainingSession.Schedule(
        "SAL",
        new SessionDetails("OCSEA", [TrainingTopic.Ocsea], TrainingFormat.Online, ["es"], new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), null,
            [], [], capacity, false),
        Now).Session;

    private static ValidParticipant Person(string reference) => new(reference, Gender.Female, "SLV", AgencyType.Prosecution, "investigator");

    private static readonly ParticipantIdentity Identity = new(new byte[32]);

    private static Enrolment.Applied Register(TrainingSession session, string reference, Registration? existing = null) =>
        Assert.IsType<Enrolment.Applied>(Enrolment.Register(session, existing, Person(reference), Identity.Of(session.Office, reference), Now));

    [Fact]
    public void Registering_takes_a_place_and_raises_version_one_without_the_reference()
    {
        var applied = Register(Session(capacity: 2), "sal-0042");

        Assert.Equal((EnrolmentStatus.Registered, 1L), (applied.Registration.Status, applied.Registration.Version));
        Assert.Equal((1, 0, 2L), (applied.Session.PlacesTaken, applied.Session.Waitlisted, applied.Session.Version));
        var @event = Assert.IsType<ParticipantRegistered>(applied.Event());
        Assert.Equal((EnrolmentStatus.Registered, "SLV", "investigator"), (@event.Participation.Status, @event.Participation.CountryCode, @event.Participation.Role));
        Assert.DoesNotContain("sal-0042", System.Text.Json.JsonSerializer.Serialize(@event), StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_session_waitlists_in_the_order_people_ask()
    {
        var session = Register(Session(capacity: 1), "a").Session;

        var b = Register(session, "b");
        var c = Register(b.Session, "c");

        Assert.Equal([EnrolmentStatus.Waitlisted, EnrolmentStatus.Waitlisted], [b.Registration.Status, c.Registration.Status]);
        Assert.Equal([0L, 1L], [b.Registration.WaitlistPosition!.Value, c.Registration.WaitlistPosition!.Value]);
        Assert.Equal((1, 2), (c.Session.PlacesTaken, c.Session.Waitlisted));
        Assert.IsType<ParticipantWaitlisted>(c.Event());
    }

    [Fact]
    public void A_session_without_capacity_never_waitlists()
    {
        var session = Session();
        for (var i = 0; i < 50; i++)
        {
            session = Register(session, $"p{i}").Session;
        }

        Assert.Equal((50, 0), (session.PlacesTaken, session.Waitlisted));
    }

    [Theory]
    [InlineData(EnrolmentStatus.Registered, "Attendance", EnrolmentStatus.Attended)]
    [InlineData(EnrolmentStatus.Registered, "Completion", EnrolmentStatus.Completed)]
    [InlineData(EnrolmentStatus.Attended, "Completion", EnrolmentStatus.Completed)]
    [InlineData(EnrolmentStatus.Registered, "NoShow", EnrolmentStatus.NoShow)]
    [InlineData(EnrolmentStatus.Registered, "Cancellation", EnrolmentStatus.Cancelled)]
    [InlineData(EnrolmentStatus.Waitlisted, "Cancellation", EnrolmentStatus.Cancelled)]
    [InlineData(EnrolmentStatus.Attended, "Cancellation", EnrolmentStatus.Cancelled)]
    public void Legal_steps_move_the_registration_to_its_next_version(EnrolmentStatus from, string step, EnrolmentStatus to)
    {
        var action = Enum.Parse<EnrolmentAction>(step);
        var (session, registration) = In(from);

        var applied = Assert.IsType<Enrolment.Applied>(Enrolment.Apply(session, registration, action, Now));

        Assert.Equal((to, registration.Version + 1), (applied.Registration.Status, applied.Registration.Version));
        Assert.Equal(session.Version + 1, applied.Session.Version);
    }

    [Theory]
    [InlineData(EnrolmentStatus.Completed, "Completion")]
    [InlineData(EnrolmentStatus.Completed, "Cancellation")]
    [InlineData(EnrolmentStatus.Waitlisted, "Attendance")]
    [InlineData(EnrolmentStatus.Waitlisted, "Completion")]
    [InlineData(EnrolmentStatus.Cancelled, "Attendance")]
    [InlineData(EnrolmentStatus.NoShow, "Completion")]
    [InlineData(EnrolmentStatus.Attended, "NoShow")]
    public void Illegal_steps_are_refused_naming_the_current_state(EnrolmentStatus from, string step)
    {
        var action = Enum.Parse<EnrolmentAction>(step);
        var (session, registration) = In(from);

        var refused = Assert.IsType<Enrolment.Refused>(Enrolment.Apply(session, registration, action, Now));

        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(refused.Problem);
        Assert.Equal(409, problem.StatusCode);
        Assert.Equal(Cybercrime.Contracts.ContractJson.Name(from), problem.ProblemDetails.Extensions["currentState"]);
    }

    [Fact]
    public void Cancelling_a_place_frees_it_and_cancelling_from_the_waitlist_shortens_it()
    {
        var session = Register(Session(capacity: 1), "a").Session;
        var waiting = Register(session, "b");
        var holder = Register(Session(capacity: 1), "a");

        var freed = Assert.IsType<Enrolment.Applied>(Enrolment.Apply(waiting.Session, holder.Registration, EnrolmentAction.Cancellation, Now));
        var shorter = Assert.IsType<Enrolment.Applied>(Enrolment.Apply(waiting.Session, waiting.Registration, EnrolmentAction.Cancellation, Now));

        Assert.Equal((0, 1), (freed.Session.PlacesTaken, freed.Session.Waitlisted));
        Assert.Equal((1, 0), (shorter.Session.PlacesTaken, shorter.Session.Waitlisted));
    }

    [Fact]
    public void Registering_someone_already_enrolled_is_refused_but_a_cancelled_registration_may_register_again()
    {
        var first = Register(Session(capacity: 5), "a");

        Assert.IsType<Enrolment.Refused>(Enrolment.Register(first.Session, first.Registration, Person("a"), first.Registration.ParticipantId, Now));
        var cancelled = Assert.IsType<Enrolment.Applied>(Enrolment.Apply(first.Session, first.Registration, EnrolmentAction.Cancellation, Now));
        var again = Register(cancelled.Session, "a", cancelled.Registration);

        Assert.Equal((EnrolmentStatus.Registered, 3L, first.Registration.Id), (again.Registration.Status, again.Registration.Version, again.Registration.Id));
    }

    [Fact]
    public void A_cancelled_session_takes_no_registration_and_no_step()
    {
        var registered = Register(Session(), "a");
        var (cancelled, _) = registered.Session.Cancel(Now);

        Assert.IsType<Enrolment.Refused>(Enrolment.Register(cancelled, null, Person("b"), Identity.Of("SAL", "b"), Now));
        Assert.IsType<Enrolment.Refused>(Enrolment.Apply(cancelled, registered.Registration, EnrolmentAction.Completion, Now));
    }

    [Fact]
    public void The_same_reference_in_the_same_office_is_the_same_person()
    {
        Assert.Equal(Identity.Of("SAL", "sal-0042"), Identity.Of("SAL", "sal-0042"));
        Assert.NotEqual(Identity.Of("SAL", "sal-0042"), Identity.Of("GUA", "sal-0042"));
        Assert.NotEqual(Identity.Of("SAL", "sal-0042"), Identity.Of("SAL", "sal-0043"));
    }

    [Fact]
    public void Session_events_carry_the_whole_session()
    {
        var (session, scheduled) = TrainingSession.Schedule("BKK", Session(capacity: 30).Details with { TrainTheTrainer = true }, Now);
        var (amended, amendedEvent) = session.Amend(session.Details with { Title = "Crypto II" }, Now);
        var (_, counted) = amended.RecordHeadcount([new Headcount("THA", Gender.Female, 120)], Now);

        Assert.Equal((1L, true, 30), (scheduled.Version, scheduled.Session.TrainTheTrainer, scheduled.Session.Capacity!.Value));
        Assert.Equal((2L, "Crypto II"), (amendedEvent.Version, amendedEvent.Session.Title));
        Assert.Equal((3L, "Crypto II", 120), (counted.Version, counted.Session.Title, counted.Session.Headcounts.Single().Count));
    }

    /// <summary>A session with room, and a registration brought to <paramref name="status"/> through legal steps.</summary>
    private static (TrainingSession Session, Registration Registration) In(EnrolmentStatus status)
    {
        var session = Register(Session(capacity: 1), "holder").Session;
        var applied = status == EnrolmentStatus.Waitlisted ? Register(session, "p") : Register(Session(capacity: 1), "p");
        var steps = status switch
        {
            EnrolmentStatus.Attended => [EnrolmentAction.Attendance],
            EnrolmentStatus.Completed => [EnrolmentAction.Completion],
            EnrolmentStatus.Cancelled => [EnrolmentAction.Cancellation],
            EnrolmentStatus.NoShow => [EnrolmentAction.NoShow],
            _ => Array.Empty<EnrolmentAction>(),
        };
        foreach (var step in steps)
        {
            applied = Assert.IsType<Enrolment.Applied>(Enrolment.Apply(applied.Session, applied.Registration, step, Now));
        }

        return (applied.Session, applied.Registration);
    }
}
