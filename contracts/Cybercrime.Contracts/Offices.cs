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

    /// <summary>The programme region an office serves: reporting's regional breakdowns follow the offices.</summary>
    public static ProgrammeRegion RegionOf(string office) => office switch
    {
        Guatemala or SanSalvador => ProgrammeRegion.LatinAmericaCaribbean,
        Nairobi or Dakar => ProgrammeRegion.Africa,
        Bangkok => ProgrammeRegion.AsiaPacific,
        _ => ProgrammeRegion.Global,
    };
}

/// <summary>The programme's regions, each served by one or two offices; Vienna (headquarters) works globally.</summary>
public enum ProgrammeRegion
{
    Global,
    LatinAmericaCaribbean,
    Africa,
    AsiaPacific,
}
