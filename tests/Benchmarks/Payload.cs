using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Benchmarks;

/// <summary>Event-sized messages: a realistic ParticipantRegistered, serialized with the contract conventions.</summary>
internal static class Payload
{
    public static ParticipantRegistered Registered() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.LawEnforcement, "investigator", EnrolmentStatus.Registered));

    public static byte[] Bytes() => JsonSerializer.SerializeToUtf8Bytes(Registered(), ContractJson.Options);
}
