using System.Security.Claims;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Evidence.Requests;

internal sealed record RequestCreated(string Id, EvidenceRequestStatus Status);

/// <summary><c>POST /evidence/requests</c>: an office drafts a request. A draft raises no event and counts nowhere until it is submitted.</summary>
internal static class CreateRequest
{
    public static void MapCreateRequest(this RouteGroupBuilder evidence) =>
        evidence.MapPost("/requests", (RequestBody request, ClaimsPrincipal user, HttpContext http, EvidenceStore evidence, CaseKeys cases, TimeProvider clock) =>
                evidence.Store.RunAsync(http, request, () =>
                {
                    var errors = new ValidationErrors();
                    if (request.Validate(errors) is not var (details, caseReference))
                    {
                        return Task.FromResult(CommandOutcome.Refuse(errors.ToResult()));
                    }

                    var office = user.Office()!;
                    var now = clock.GetUtcNow();
                    var draft = EvidenceRequest.Draft(Guid.CreateVersion7(now).ToString(), office, details, cases.Of(office, caseReference), now, EvidenceStore.Recorder(user));
                    return Task.FromResult(CommandOutcome.Commit(
                        new Changes().Save(draft, 0), StatusCodes.Status201Created, new RequestCreated(draft.Id, draft.Status), $"/evidence/requests/{draft.Id}"));
                }))
            .WithSummary("Drafts an evidence request for the caller's office.")
            .Produces<RequestCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
