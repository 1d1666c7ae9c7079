using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Cybercrime.Platform.Security;

/// <summary>
/// <c>Auth:Authority</c> (the organisation's identity provider) or, for development and the
/// standalone host, <c>Auth:SigningKey</c> (a shared secret of at least 32 bytes);
/// <c>Auth:Issuer</c>, <c>Auth:Audience</c>; <c>Auth:DevTokens</c> enables <c>POST /dev/token</c>.
/// </summary>
public sealed record AuthSettings(string? Authority, string? SigningKey, string Issuer, string Audience, bool DevTokens)
{
    public static AuthSettings From(IConfiguration configuration) => new(
        configuration["Auth:Authority"],
        configuration["Auth:SigningKey"],
        configuration["Auth:Issuer"] ?? "cybercrime-dev",
        configuration["Auth:Audience"] ?? "cybercrime",
        configuration.GetValue("Auth:DevTokens", false));

    public SymmetricSecurityKey Key()
    {
        var bytes = Encoding.UTF8.GetBytes(SigningKey ?? string.Empty);
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes, or set Auth:Authority to an identity provider.");
    }
}
