using Cybercrime.Contracts;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Meetings;

/// <summary>
/// A body's meeting number taken by a meeting (there is one sixth meeting of the Expert Group): keyed by
/// body and number, so the store lets only one scheduling claim it, as a document's symbol.
/// </summary>
internal sealed record SequenceClaim(string Id, long Version, string MeetingId) : IDocument
{
    public static string Key(MeetingDetails details) => $"{ContractJson.Name(details.Body)}/{details.Sequence}";
}
