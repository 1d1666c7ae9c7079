using System.Security.Cryptography;
using System.Text;

namespace Cybercrime.Training.Registrations;

/// <summary>
/// Stable pseudonymous ids. A participant is the office's own reference within that office: the same
/// reference always gives the same id, so reporting counts people, not rows, without any name.
/// </summary>
internal static class ParticipantIdentity
{
    public static Guid Of(string office, string externalRef) => Derive($"participant\n{office}\n{externalRef}");

    public static Guid Registration(string sessionId, Guid participantId) => Derive($"registration\n{sessionId}\n{participantId}");

    private static Guid Derive(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return new Guid(hash[..16]);
    }
}
