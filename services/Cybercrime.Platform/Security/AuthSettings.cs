using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Cybercrime.Platform.Security;

/// <summary>
/// <c>Auth:Authority</c> (the organisation's identity provider) or, for development and the
/// standalone host, a local signing key (<c>Auth:SigningKey</c>, see <see cref="Secrets"/>);
/// <c>Auth:Issuer</c>, <c>Auth:Audience</c>; <c>Auth:DevTokens</c> enables <c>POST /dev/token</c>,
/// in Development and the standalone host only.
/// </summary>
public sealed record AuthSettings(string? Authority, SymmetricSecurityKey? SigningKey, string Issuer, string Audience, bool DevTokens)
{
    public const string SigningKeySetting = "Auth:SigningKey";

    public static AuthSettings From(IConfiguration configuration, Func<byte[]> signingKey)
    {
        var authority = configuration["Auth:Authority"];
        return new AuthSettings(
            authority,
            // Checked now, so that a host without a usable key fails at start-up, not on its first request.
            authority is { Length: > 0 } ? null : new SymmetricSecurityKey(signingKey()),
            configuration["Auth:Issuer"] ?? "cybercrime-dev",
            configuration["Auth:Audience"] ?? "cybercrime",
            configuration.GetValue("Auth:DevTokens", false));
    }

    /// <summary>Whether this host mints tokens itself: a local key and dev tokens on.</summary>
    public bool MintsTokens => DevTokens && SigningKey is not null;
}
