using Cybercrime.Contracts.Training;

namespace Cybercrime.Reporting.Training;

/// <summary>
/// The agencies of the criminal-justice chain, which investigate, prosecute and adjudicate: the
/// practitioners the annual report counts as such (decision 0018). Central banks, financial
/// intelligence units, teachers, government and the rest are trained too but reported apart.
/// </summary>
internal static class CriminalJustice
{
    public static readonly IReadOnlySet<AgencyType> Agencies = new HashSet<AgencyType>([AgencyType.LawEnforcement, AgencyType.Prosecution, AgencyType.Judiciary]);

    public static bool Includes(AgencyType agency) => Agencies.Contains(agency);
}
