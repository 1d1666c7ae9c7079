using Cybercrime.Contracts.Awareness;

namespace Cybercrime.Awareness.Activities;

internal sealed record ActivityView(
    string Id, string Office, string Title, ActivityKind Kind, DateOnly Date, IReadOnlyList<string> Languages, Guid? CampaignId,
    IReadOnlyList<ParticipantCount> Participants, long TotalParticipants)
{
    public static ActivityView Of(Activity a) => new(
        a.Id, a.Office, a.Details.Title, a.Details.Kind, a.Details.Date, a.Details.Languages, a.Details.CampaignId, a.Participants,
        a.Participants.Sum(p => (long)p.Count));
}
