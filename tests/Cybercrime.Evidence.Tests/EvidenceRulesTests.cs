using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Evidence.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;

namespace Cybercrime.Evidence.Tests;

/// <summary>A request's life cycle, its deadlines and what the overdue watch finds, on a fake clock.</summary>
public sealed class EvidenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 12, 31, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static RequestDetails Details(EvidenceRequestType type = EvidenceRequestType.SubscriberInformation, EvidencePriority priority = EvidencePriority.Standard, string? state = null) =>
        new("SLV", AgencyType.Prosecution, state is null ? EvidenceProvider.Facebook : null, state, type, CrimeCategory.Ocsea, priority, null);

    private static EvidenceRequest Draft(RequestDetails? details = null) =>
        EvidenceRequest.Draft(Guid.NewGuid().ToString(), "GUA", details ?? Details(), "case-key", Now, "dev:GUA");

    private static EvidenceRequest Step(EvidenceRequest request, StepKind kind, DateOnly on, EvidenceOutcome? outcome = null, RefusalReason? reason = null)
    {
        var result = request.Record(new StepCommand(kind, on, outcome, reason), Today, Now, "dev:GUA", Deadlines.Default);
        Assert.Null(result.Refusal);
        Assert.Equal(result.Request!.Version, result.Event!.Version);
        return result.Request;
    }

    private static int Refused(EvidenceRequest request, StepKind kind, DateOnly on, Deadlines? deadlines = null) =>
        ((IStatusCodeHttpResult)request.Record(new StepCommand(kind, on, EvidenceOutcome.Fulfilled), Today, Now, "dev:GUA", deadlines ?? Deadlines.Default).Refusal!).StatusCode!.Value;

    [Fact]
    public void A_request_goes_from_draft_to_outcome_each_step_dated_and_raising_its_snapshot_event()
    {
        var draft = Draft();
        var submitted = draft.Record(new StepCommand(StepKind.Submission, new DateOnly(2020, 3, 2)), Today, Now, "dev:GUA", Deadlines.Default);
        var acknowledged = submitted.Request!.Record(new StepCommand(StepKind.Acknowledgement, new DateOnly(2020, 3, 4)), Today, Now, "dev:GUA", Deadlines.Default);
        var asked = acknowledged.Request!.Record(new StepCommand(StepKind.InformationRequest, new DateOnly(2020, 3, 10)), Today, Now, "dev:GUA", Deadlines.Default);
        var answered = asked.Request!.Record(new StepCommand(StepKind.Answer, new DateOnly(2020, 3, 12)), Today, Now, "dev:GUA", Deadlines.Default);
        var completed = answered.Request!.Record(new StepCommand(StepKind.Outcome, new DateOnly(2020, 3, 20), EvidenceOutcome.Refused, RefusalReason.NoDataHeld), Today, Now, "dev:GUA", Deadlines.Default);

        Assert.IsType<EvidenceRequestSubmitted>(submitted.Event);
        Assert.IsType<EvidenceRequestAcknowledged>(acknowledged.Event);
        Assert.IsType<EvidenceInformationRequested>(asked.Event);
        Assert.IsType<EvidenceInformationAnswered>(answered.Event);
        var done = Assert.IsType<EvidenceRequestCompleted>(completed.Event);
        Assert.Equal(EvidenceRequestStatus.Acknowledged, answered.Request!.Status);
        Assert.Equal((EvidenceRequestStatus.Completed, EvidenceOutcome.Refused, RefusalReason.NoDataHeld, new DateOnly(2020, 3, 20)),
            (done.Request.Status, done.Request.Outcome, done.Request.RefusalReason, done.Request.ClosedOn));
        Assert.Equal([1L, 2, 3, 4, 5, 6], [draft.Version, submitted.Event!.Version, acknowledged.Event!.Version, asked.Event!.Version, answered.Event!.Version, done.Version]);
        Assert.Equal(new DateOnly(2020, 4, 1), done.Request.DueOn);
        Assert.Equal("case-key", done.Request.CaseKey);
        Assert.Null(completed.Request!.WatchOn);
    }

    [Fact]
    public void Acknowledgement_is_optional_and_an_answer_before_it_goes_back_to_submitted()
    {
        var submitted = Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2));
        var asked = Step(submitted, StepKind.InformationRequest, new DateOnly(2020, 3, 3));
        var answered = Step(asked, StepKind.Answer, new DateOnly(2020, 3, 3));
        var fulfilled = Step(answered, StepKind.Outcome, new DateOnly(2020, 3, 9), EvidenceOutcome.Fulfilled);

        Assert.Equal(EvidenceRequestStatus.Submitted, answered.Status);
        Assert.Equal(EvidenceRequestStatus.Completed, fulfilled.Status);
    }

    [Theory]
    [InlineData(nameof(StepKind.Acknowledgement))]
    [InlineData(nameof(StepKind.Answer))]
    [InlineData(nameof(StepKind.Outcome))]
    [InlineData(nameof(StepKind.Withdrawal))]
    public void A_draft_takes_no_step_but_its_submission(string kind) =>
        Assert.Equal(409, Refused(Draft(), Enum.Parse<StepKind>(kind), new DateOnly(2020, 3, 2)));

    [Theory]
    [InlineData(nameof(StepKind.Submission))]
    [InlineData(nameof(StepKind.Acknowledgement))]
    [InlineData(nameof(StepKind.Outcome))]
    [InlineData(nameof(StepKind.Withdrawal))]
    [InlineData(nameof(StepKind.Answer))]
    public void A_completed_request_takes_no_further_step(string kind)
    {
        var completed = Step(Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Outcome, new DateOnly(2020, 3, 9), EvidenceOutcome.Fulfilled);

        Assert.Equal(409, Refused(completed, Enum.Parse<StepKind>(kind), new DateOnly(2020, 3, 10)));
    }

    [Fact]
    public void The_illegal_step_is_told_the_current_state()
    {
        var withdrawn = Step(Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Withdrawal, new DateOnly(2020, 3, 5));

        var problem = Assert.IsType<ProblemHttpResult>(withdrawn.Record(new StepCommand(StepKind.Acknowledgement, new DateOnly(2020, 3, 6)), Today, Now, "x", Deadlines.Default).Refusal);

        Assert.Equal("withdrawn", problem.ProblemDetails.Extensions["currentState"]);
    }

    [Fact]
    public void A_step_dated_before_the_previous_one_or_in_the_future_is_refused_on_its_day()
    {
        var submitted = Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2));

        Assert.Equal(400, Refused(submitted, StepKind.Acknowledgement, new DateOnly(2020, 3, 1)));
        Assert.Equal(400, Refused(submitted, StepKind.Acknowledgement, Today.AddDays(1)));
        Assert.Equal(EvidenceRequestStatus.Acknowledged, Step(submitted, StepKind.Acknowledgement, new DateOnly(2020, 3, 2)).Status);
    }

    [Fact]
    public void Only_an_acknowledged_preservation_is_extended_and_by_ninety_days_from_the_extension()
    {
        var information = Step(Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Acknowledgement, new DateOnly(2020, 3, 3));
        var preservation = Step(Step(Draft(Details(EvidenceRequestType.Preservation)), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Acknowledgement, new DateOnly(2020, 3, 3));

        Assert.Equal(409, Refused(information, StepKind.Extension, new DateOnly(2020, 4, 1)));
        Assert.Equal(409, Refused(Step(Draft(Details(EvidenceRequestType.Preservation)), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Extension, new DateOnly(2020, 4, 1)));
        Assert.Equal(new DateOnly(2020, 6, 1), preservation.LapsesOn);
        Assert.Equal(new DateOnly(2020, 8, 28), Step(preservation, StepKind.Extension, new DateOnly(2020, 5, 30)).LapsesOn);
    }

    [Theory]
    [InlineData(null, EvidenceRequestType.SubscriberInformation, EvidencePriority.Standard, 30)]
    [InlineData(null, EvidenceRequestType.Preservation, EvidencePriority.Standard, 7)]
    [InlineData(null, EvidenceRequestType.EmergencyDisclosure, EvidencePriority.Emergency, 2)]
    [InlineData("USA", EvidenceRequestType.ContentData, EvidencePriority.Standard, 270)]
    [InlineData("USA", EvidenceRequestType.TrafficData, EvidencePriority.Emergency, 14)]
    public void The_due_date_follows_the_table_emergencies_in_days_mutual_legal_assistance_in_months(
        string? state, EvidenceRequestType type, EvidencePriority priority, int days)
    {
        var submitted = Step(Draft(Details(type, priority, state)), StepKind.Submission, new DateOnly(2020, 3, 2));

        Assert.Equal(new DateOnly(2020, 3, 2).AddDays(days), submitted.DueOn);
    }

    [Fact]
    public void The_deadline_table_is_configurable_per_addressee_priority_and_type_and_refuses_nonsense()
    {
        var configured = Deadlines.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Evidence:Deadlines:state:standard:content-data"] = "400",
            ["Evidence:Deadlines:provider:emergency:emergency-disclosure"] = "1",
        }).Build());

        Assert.Equal(400, configured.DaysFor(Details(EvidenceRequestType.ContentData, state: "USA")));
        Assert.Equal(1, configured.DaysFor(Details(EvidenceRequestType.EmergencyDisclosure, EvidencePriority.Emergency)));
        Assert.Equal(180, configured.DaysFor(Details(EvidenceRequestType.TrafficData, state: "USA")));
        var error = Assert.Throws<InvalidOperationException>(() => Deadlines.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Evidence:Deadlines:provider:standard:preservation"] = "soon" }).Build()));
        Assert.Contains("Evidence:Deadlines:provider:standard:preservation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_watch_raises_overdue_once_the_day_after_the_due_date_and_never_again()
    {
        var submitted = Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2)); // due 2020-04-01

        Assert.Null(submitted.Watch(new DateOnly(2020, 4, 1), Now));
        var (overdue, events) = submitted.Watch(new DateOnly(2020, 4, 2), Now)!.Value;
        var raised = Assert.IsType<EvidenceRequestOverdue>(Assert.Single(events));

        Assert.True(raised.Request.Overdue);
        Assert.True(overdue.OverdueNow);
        Assert.Equal(submitted.Version + 1, raised.Version);
        Assert.Null(overdue.Watch(new DateOnly(2020, 12, 31), Now));
        Assert.Null(overdue.WatchOn);
        Assert.False(Step(overdue, StepKind.Outcome, new DateOnly(2020, 5, 1), EvidenceOutcome.Fulfilled).OverdueNow);
    }

    [Fact]
    public void A_request_with_an_outcome_by_its_due_date_is_never_overdue()
    {
        var completed = Step(Step(Draft(), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Outcome, new DateOnly(2020, 3, 30), EvidenceOutcome.Fulfilled);

        Assert.Null(completed.Watch(new DateOnly(2020, 12, 31), Now));
    }

    [Fact]
    public void A_preservation_lapses_ninety_days_after_acknowledgement_unless_extended()
    {
        var acknowledged = Step(Step(Draft(Details(EvidenceRequestType.Preservation)), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Acknowledgement, new DateOnly(2020, 3, 3));
        var extended = Step(acknowledged, StepKind.Extension, new DateOnly(2020, 5, 1));

        var (lapsed, events) = acknowledged.Watch(new DateOnly(2020, 6, 1), Now)!.Value;

        // Its week to be acknowledged had passed long before: overdue first, then lapsed.
        Assert.Equal([typeof(EvidenceRequestOverdue)], acknowledged.Watch(new DateOnly(2020, 5, 31), Now)!.Value.Events.Select(e => e.GetType()));
        Assert.Equal([typeof(EvidenceRequestOverdue), typeof(EvidencePreservationLapsed)], events.Select(e => e.GetType()));
        Assert.Equal((EvidenceRequestStatus.Lapsed, new DateOnly(2020, 6, 1), false), (lapsed.Status, lapsed.ClosedOn, lapsed.OverdueNow));
        Assert.DoesNotContain(extended.Watch(new DateOnly(2020, 6, 1), Now)!.Value.Events, e => e is EvidencePreservationLapsed);
        Assert.Equal(new DateOnly(2020, 7, 30), extended.LapsesOn);
    }

    [Fact]
    public void An_outcome_back_recorded_from_before_the_lapse_completes_a_preservation_the_watch_lapsed_meanwhile()
    {
        var acknowledged = Step(Step(Draft(Details(EvidenceRequestType.Preservation)), StepKind.Submission, new DateOnly(2020, 3, 2)), StepKind.Acknowledgement, new DateOnly(2020, 3, 3));
        var lapsed = acknowledged.Watch(Today, Now)!.Value.Request;

        var completed = Step(lapsed, StepKind.Outcome, new DateOnly(2020, 4, 1), EvidenceOutcome.Fulfilled);

        Assert.Equal((EvidenceRequestStatus.Completed, new DateOnly(2020, 4, 1)), (completed.Status, completed.ClosedOn));
        Assert.Equal(409, Refused(lapsed, StepKind.Outcome, new DateOnly(2020, 6, 2)));
    }

    [Fact]
    public void An_unacknowledged_preservation_past_its_week_falls_overdue_and_then_lapses_only_once_acknowledged()
    {
        var submitted = Step(Draft(Details(EvidenceRequestType.Preservation)), StepKind.Submission, new DateOnly(2020, 3, 2)); // due 2020-03-09

        var (overdue, events) = submitted.Watch(new DateOnly(2020, 3, 10), Now)!.Value;

        Assert.IsType<EvidenceRequestOverdue>(Assert.Single(events));
        Assert.Equal(EvidenceRequestStatus.Submitted, overdue.Status);
    }
}
