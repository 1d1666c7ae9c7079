namespace Cybercrime.Contracts;

/// <summary>The programme's offices: headquarters in Vienna and the regional offices.</summary>
public static class Offices
{
    public const string Vienna = "VIE";
    public const string Guatemala = "GUA";
    public const string Nairobi = "NBO";
    public const string SanSalvador = "SAL";
    public const string Dakar = "DKR";
    public const string Bangkok = "BKK";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Vienna, Guatemala, Nairobi, SanSalvador, Dakar, Bangkok], StringComparer.Ordinal);
}
