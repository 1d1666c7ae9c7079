using System.Security.Cryptography;
using System.Text;

namespace Cybercrime.Evidence.Requests;

/// <summary>
/// The case reference is never stored or published: a request keeps its HMAC under this deployment's
/// secret <c>Evidence:CaseKey</c>, within its office. The same reference always gives the same key, so
/// an office finds a case's requests and reporting counts distinct cases, and whoever reads the store
/// or the events cannot recompute a key from a guessed reference (docs/decisions/0012).
/// </summary>
internal sealed class CaseKeys(byte[] key)
{
    public const string KeySetting = "Evidence:CaseKey";

    public string Of(string office, string caseReference) => Hash($"case\n{office}\n{caseReference}");

    /// <summary>The id of an imported request: its office and row, so that importing a file again finds the same requests.</summary>
    public Guid ImportedId(string office, string row) => Guid.ParseExact(Hash($"import\n{office}\n{row}"), "N");

    private string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
