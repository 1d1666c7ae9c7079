using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cybercrime.Evidence.Requests;

/// <summary>The body of a step: the day it happened (today when left out) and, for an outcome, which one.</summary>
internal sealed record StepBody(DateOnly? On, EvidenceOutcome? Outcome = null, RefusalReason? RefusalReason = null);

/// <summary>
/// <c>POST /evidence/requests/{id}/submission | acknowledgement | information-request | answer | outcome |
/// withdrawal | extension</c>: offices record steps after the fact, each dated. An illegal step answers 409
/// naming the current state; a day in the future or before the previous step, 400 on <c>on</c>.
/// </summary>
internal static class RecordSteps
{
    public static void MapRecordSteps(this RouteGroupBuilder evidence)
    {
        Map(evidence, "submission", StepKind.Submission, "Records that the request was sent; it counts from that day and falls due by the deadline table.");
        Map(evidence, "acknowledgement", StepKind.Acknowledgement, "Records that the addressee acknowledged the request (optional).");
        Map(evidence, "information-request", StepKind.InformationRequest, "Records that the addressee asked for more information.");
        Map(evidence, "answer", StepKind.Answer, "Records that the office answered the addressee's request for information.");
        Map(evidence, "outcome", StepKind.Outcome, "Records the outcome: fulfilled, partially-fulfilled or refused (with a reason).");
        Map(evidence, "withdrawal", StepKind.Withdrawal, "Records that the office withdrew the request.");
        Map(evidence, "extension", StepKind.Extension, "Extends a preservation by 90 days from the day given.");
    }

    private static void Map(RouteGroupBuilder evidence, string route, StepKind kind, string summary) =>
        evidence.MapPost($"/requests/{{id:guid}}/{route}",
                (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StepBody? body, ClaimsPrincipal user, HttpContext http,
                    EvidenceStore evidence, Deadlines deadlines, TimeProvider clock) => HandleAsync(id, kind, body ?? new StepBody(null), user, http, evidence, deadlines, clock))
            .WithSummary(summary)
            .Produces<RequestView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        Guid id, StepKind kind, StepBody body, ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, Deadlines deadlines, TimeProvider clock) =>
        evidence.Store.RunAsync(http, body, async () =>
        {
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var errors = new ValidationErrors();
            if (Validate(kind, body, today, errors) is not { } step)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (request, denied) = await evidence.FindOwnAsync(id, user, http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            var result = request!.Record(step, today, now, EvidenceStore.Recorder(user), deadlines);
            return result.Refusal is { } refusal
                ? CommandOutcome.Refuse(refusal)
                : CommandOutcome.Commit(new Changes().Save(result.Request!, request.Version, result.Event!), StatusCodes.Status200OK, RequestView.Of(result.Request!));
        }, turn: $"{id}");

    /// <summary>What the body alone can tell: the outcome fields belong to an outcome, a refusal has a reason, and nothing else does.</summary>
    public static StepCommand? Validate(StepKind kind, StepBody body, DateOnly today, ValidationErrors errors, string prefix = "")
    {
        var on = body.On ?? today;
        var valid = errors.Check(on <= today, $"{prefix}on", $"The day {on:yyyy-MM-dd} is in the future; a step is recorded once it has happened.");
        if (kind == StepKind.Outcome)
        {
            valid &= errors.Check(body.Outcome is { } outcome && Enum.IsDefined(outcome), $"{prefix}outcome", $"The outcome is required: {ContractJson.Names<EvidenceOutcome>()}.");
            valid &= body.Outcome == EvidenceOutcome.Refused
                ? errors.Check(body.RefusalReason is { } reason && Enum.IsDefined(reason), $"{prefix}refusalReason", $"A refusal gives its reason: {ContractJson.Names<RefusalReason>()}.")
                : errors.Check(body.RefusalReason is null, $"{prefix}refusalReason", "Only a refusal has a reason.");
        }
        else
        {
            valid &= errors.Check(body.Outcome is null, $"{prefix}outcome", "Only …/outcome takes an outcome.");
            valid &= errors.Check(body.RefusalReason is null, $"{prefix}refusalReason", "Only …/outcome takes a refusal reason.");
        }

        return valid ? new StepCommand(kind, on, body.Outcome, body.RefusalReason) : null;
    }
}
