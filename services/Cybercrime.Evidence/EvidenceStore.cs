using System.Security.Claims;
using Cybercrime.Evidence.Requests;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Evidence;

/// <summary>The evidence service's own store, and the office rule every request route applies.</summary>
internal sealed class EvidenceStore([FromKeyedServices(EvidenceService.StoreName)] DocumentStore store, IDocumentCollection<EvidenceRequest> requests)
{
    public DocumentStore Store => store;

    public IDocumentCollection<EvidenceRequest> Requests => requests;

    /// <summary>The request, or the problem to answer: 404 when it does not exist (or was a deleted draft), 403 when another office owns it.</summary>
    public async Task<(EvidenceRequest? Request, IResult? Denied)> FindOwnAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(id.ToString(), cancellationToken);
        if (request is null || request.Deleted)
        {
            return (null, Problems.NotFound("No such request.", $"Evidence request {id} does not exist."));
        }

        return user.CanWrite(request.Office)
            ? (request, null)
            : (null, Problems.Forbidden("The request belongs to another office.", "An office reads and writes only its own records."));
    }

    /// <summary>Who recorded a step: the token's subject.</summary>
    public static string Recorder(ClaimsPrincipal user) => user.Identity?.Name ?? user.Office() ?? "unknown";
}
