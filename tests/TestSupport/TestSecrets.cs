using System.Security.Cryptography;

namespace Cybercrime.TestSupport;

/// <summary>Fresh random secrets for a test's hosts: none is committed (docs/decisions/0009).</summary>
public static class TestSecrets
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Every secret a service reads, as configuration keys (<c>Auth:SigningKey</c>, …).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Auth:SigningKey"] = NewKey(),
        ["Pseudonyms:Key"] = NewKey(),
        ["Evidence:CaseKey"] = NewKey(),
    };

    /// <summary>The same, as environment variables for a service run as a process.</summary>
    public static Dictionary<string, string> Environment() =>
        Settings().ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value!);
}
