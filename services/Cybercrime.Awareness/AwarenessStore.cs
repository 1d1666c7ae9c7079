using System.Security.Claims;
using Cybercrime.Awareness.Activities;
using Cybercrime.Awareness.Campaigns;
using Cybercrime.Awareness.Observations;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness;

/// <summary>The awareness service's own store and collections, and the office rule every route applies.</summary>
internal sealed class AwarenessStore(
    [FromKeyedServices(AwarenessService.StoreName)] DocumentStore store,
    IDocumentCollection<Campaign> campaigns,
    IDocumentCollection<Observation> observations,
    IDocumentCollection<Activity> activities)
{
    public DocumentStore Store => store;

    public IDocumentCollection<Campaign> Campaigns => campaigns;

    public IDocumentCollection<Observation> Observations => observations;

    public IDocumentCollection<Activity> Activities => activities;

    /// <summary>The campaign, or the problem to answer: 404 when it does not exist, 403 when another office owns it.</summary>
    public async Task<(Campaign? Campaign, IResult? Denied)> FindOwnCampaignAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Owned(await Campaigns.FindAsync(id.ToString(), cancellationToken), "campaign", id, user);

    /// <summary>The activity, or the problem to answer, as for a campaign.</summary>
    public async Task<(Activity? Activity, IResult? Denied)> FindOwnActivityAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Owned(await Activities.FindAsync(id.ToString(), cancellationToken), "activity", id, user);

    private static (T? Record, IResult? Denied) Owned<T>(T? record, string kind, Guid id, ClaimsPrincipal user) where T : class, IOwned =>
        record is null
            ? (null, Problems.NotFound($"No such {kind}.", $"The {kind} {id} does not exist."))
            : user.CanWrite(record.Office)
                ? (record, null)
                : (null, Problems.Forbidden($"The {kind} belongs to another office.", "An office reads and writes only its own records."));
}

/// <summary>A record an office owns.</summary>
internal interface IOwned
{
    string Office { get; }
}
