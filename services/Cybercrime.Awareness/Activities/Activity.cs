using System.Text.Json.Serialization;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Awareness.Activities;

/// <summary>
/// An awareness activity (a webinar, a workshop, a school session) and how many took part from each
/// country. An amendment replaces the counts; a country it leaves out stays at 0 rather than vanishing,
/// so that every event names every country the activity ever counted (see <see cref="ActivitySnapshot"/>).
/// </summary>
internal sealed record Activity : IDocument, IOwned
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Office { get; init; }

    public required ActivityDetails Details { get; init; }

    public required IReadOnlyList<ParticipantCount> Participants { get; init; }

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    public static (Activity Activity, ActivityHeld Held) Hold(string office, ActivityDetails details, IReadOnlyList<ParticipantCount> participants, DateTimeOffset now)
    {
        var activity = new Activity { Id = Guid.CreateVersion7(now).ToString(), Version = 1, Office = office, Details = details, Participants = participants };
        return (activity, new ActivityHeld(Guid.NewGuid(), now, office, activity.Key, 1, activity.Snapshot()));
    }

    public (Activity Activity, ActivityAmended Amended) Amend(ActivityDetails details, IReadOnlyList<ParticipantCount> participants, DateTimeOffset now)
    {
        var dropped = Participants.Where(p => participants.All(n => n.CountryCode != p.CountryCode)).Select(p => p with { Count = 0 });
        var amended = this with { Version = Version + 1, Details = details, Participants = [.. participants, .. dropped] };
        return (amended, new ActivityAmended(Guid.NewGuid(), now, Office, Key, amended.Version, amended.Snapshot()));
    }

    public ActivitySnapshot Snapshot() => new(Details.Title, Details.Kind, Details.Date, Details.Languages, Details.CampaignId, Participants);
}

/// <summary>What an office says about an activity, validated.</summary>
internal sealed record ActivityDetails(string Title, ActivityKind Kind, DateOnly Date, IReadOnlyList<string> Languages, Guid? CampaignId);
