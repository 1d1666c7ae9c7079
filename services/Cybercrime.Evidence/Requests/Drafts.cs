using System.Security.Claims;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Evidence.Requests;

internal sealed record RequestDeleted(string Id, bool Deleted);

/// <summary>
/// <c>PUT /evidence/requests/{id}</c> amends a draft (same body as drafting) and <c>DELETE</c> removes
/// one. Nothing has been published about a draft; once submitted, a request is changed only by its steps.
/// </summary>
internal static class Drafts
{
    public static void MapAmendDraft(this RouteGroupBuilder evidence) =>
        evidence.MapPut("/requests/{id:guid}", (Guid id, RequestBody request, ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, CaseKeys cases, TimeProvider clock) =>
                evidence.Store.RunAsync(http, request, async () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not var (details, caseReference))
                    {
                        return CommandOutcome.Refuse(errors.ToResult());
                    }

                    var (draft, denied) = await FindDraftAsync(evidence, id, user, "Only a draft is amended.", http.RequestAborted);
                    if (denied is not null)
                    {
                        return CommandOutcome.Refuse(denied);
                    }

                    var amended = draft!.Amend(details, cases.Of(draft.Office, caseReference), clock.GetUtcNow(), EvidenceStore.Recorder(user));
                    return CommandOutcome.Commit(new Changes().Save(amended, draft.Version), StatusCodes.Status200OK, RequestView.Of(amended));
                }, turn: $"{id}"))
            .WithSummary("Amends a draft request.")
            .Produces<RequestView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapDeleteDraft(this RouteGroupBuilder evidence) =>
        evidence.MapDelete("/requests/{id:guid}", (Guid id, ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, TimeProvider clock) =>
                evidence.Store.RunAsync(http, id.ToString(), async () =>
                {
                    var (draft, denied) = await FindDraftAsync(evidence, id, user, "Only a draft is deleted; withdraw a submitted request instead.", http.RequestAborted);
                    if (denied is not null)
                    {
                        return CommandOutcome.Refuse(denied);
                    }

                    var deleted = draft!.Delete(clock.GetUtcNow(), EvidenceStore.Recorder(user));
                    return CommandOutcome.Commit(new Changes().Save(deleted, draft.Version), StatusCodes.Status200OK, new RequestDeleted(deleted.Id, Deleted: true));
                }, turn: $"{id}"))
            .WithSummary("Deletes a draft request.")
            .Produces<RequestDeleted>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<(EvidenceRequest? Draft, IResult? Denied)> FindDraftAsync(
        EvidenceStore evidence, Guid id, ClaimsPrincipal user, string notDraft, CancellationToken cancellationToken)
    {
        var (request, denied) = await evidence.FindOwnAsync(id, user, cancellationToken);
        return request is { Status: not EvidenceRequestStatus.Draft } ? (null, Problems.Conflict(notDraft, request.Status)) : (request, denied);
    }
}
