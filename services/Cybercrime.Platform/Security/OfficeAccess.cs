using System.Security.Claims;
using Cybercrime.Contracts;

namespace Cybercrime.Platform.Security;

/// <summary>
/// The one place that decides whose records a caller may touch: an office editor writes and reads
/// only the records of the office named in its token.
/// </summary>
public static class OfficeAccess
{
    /// <summary>The caller's office, or null when the token names none that exists.</summary>
    public static string? Office(this ClaimsPrincipal user) =>
        user.FindFirstValue(Roles.OfficeClaim) is { } office && Offices.All.Contains(office) ? office : null;

    public static bool CanWrite(this ClaimsPrincipal user, string recordOffice) =>
        user.IsInRole(Roles.OfficeEditor) && string.Equals(user.Office(), recordOffice, StringComparison.Ordinal);
}
