namespace Cybercrime.Platform.Security;

/// <summary>The roles a token may carry, and the claims this system reads.</summary>
public static class Roles
{
    public const string OfficeEditor = "office-editor";
    public const string HqReporting = "hq-reporting";
    public const string Secretariat = "secretariat";
    public const string Operations = "operations";

    public const string OfficeClaim = "office";
    public const string RolesClaim = "roles";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([OfficeEditor, HqReporting, Secretariat, Operations], StringComparer.Ordinal);
}
