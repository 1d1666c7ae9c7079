using System.Text.RegularExpressions;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>
/// The shape of a United Nations document symbol: an issuing body in capitals, then components joined
/// by slashes, each letters and digits possibly joined by dots or hyphens (<c>UNODC/CCPCJ/EG.4/2020/2</c>,
/// <c>A/RES/74/247</c>, <c>A/AC.291/L.1/Rev.1</c>). No spaces, no empty component.
/// </summary>
internal static partial class Symbols
{
    public const int MaxLength = 100;

    public static bool IsValid(string? symbol) => symbol is { Length: > 0 and <= MaxLength } && Shape().IsMatch(symbol);

    /// <summary>Symbols differ by their characters, not by their case (<c>Rev.1</c> and <c>REV.1</c> are one).</summary>
    public static string Key(string symbol) => symbol.ToUpperInvariant();

    [GeneratedRegex(@"^[A-Z]{1,12}(/[A-Za-z0-9]+([.\-][A-Za-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
