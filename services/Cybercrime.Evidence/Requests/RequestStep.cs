namespace Cybercrime.Evidence.Requests;

/// <summary>What happened to a request, as its history lists it.</summary>
internal enum StepKind
{
    Drafted,
    Amended,
    Deleted,
    Submission,
    Acknowledgement,
    InformationRequest,
    Answer,
    Outcome,
    Withdrawal,
    Extension,
    Overdue,
    Lapse,
}

/// <summary>
/// One entry of a request's history: what, the day it happened (none for draft edits), when it was
/// recorded and by whom (<see cref="EvidenceRequest.System"/> for what the service itself noticed).
/// </summary>
internal sealed record RequestStep(StepKind What, DateOnly? On, DateTimeOffset RecordedAt, string By)
{
    /// <summary>Steps an office records after the fact: each is dated no earlier than the one before.</summary>
    public bool IsRecorded => What is not (StepKind.Drafted or StepKind.Amended or StepKind.Deleted or StepKind.Overdue or StepKind.Lapse);
}
