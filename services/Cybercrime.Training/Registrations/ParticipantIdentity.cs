using System.Security.Cryptography;
using System.Text;

namespace Cybercrime.Training.Registrations;

/// <summary>
/// Stable pseudonymous ids. A participant is the office's own reference within that office: the same
/// reference always gives the same id, so reporting counts people, not rows, without any name. The id
/// is an HMAC under this deployment's secret <c>Pseudonyms:Key</c>, so that whoever reads the events
/// cannot recompute it from a guessed reference (docs/decisions/0003).
/// </summary>
internal sealed class ParticipantIdentity(byte[] key)
{
    public const string KeySetting = "Pseudonyms:Key";

    public Guid Of(string office, string externalRef)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"participant\n{office}\n{externalRef}"), hash);
        return new Guid(hash[..16]);
    }

    /// <summary>One registration per participant and session; no key needed, the participant id already is keyed.</summary>
    public static Guid Registration(string sessionId, Guid participantId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"registration\n{sessionId}\n{participantId}"), hash);
        return new Guid(hash[..16]);
    }
}
