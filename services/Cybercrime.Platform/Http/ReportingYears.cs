namespace Cybercrime.Platform.Http;

/// <summary>
/// The years the product reports on. Every service refuses a record dated outside them, and
/// reporting answers only for them, so nothing is accepted that no report could ever count.
/// </summary>
public static class ReportingYears
{
    public const int First = 1990;
    public const int Last = 2100;

    public static bool Contains(int year) => year is >= First and <= Last;

    public static bool Contains(DateOnly date) => Contains(date.Year);

    /// <summary>Adds <paramref name="field"/>'s problem unless <paramref name="date"/> (when given) falls in a reporting year.</summary>
    public static void Check(ValidationErrors errors, string field, DateOnly? date) =>
        errors.Check(date is not { } d || Contains(d), field, $"The date must fall in the reporting years {First} to {Last}.");
}
