using System.Globalization;
using System.Text;

namespace Cybercrime.Platform.Http;

/// <summary>
/// The rule for text people type (titles, names, references): trimmed, not blank, within its length,
/// and free of control, unassigned and private-use characters and of every character Unicode says is
/// shown as nothing (zero-width spaces, bidirectional overrides, Hangul fillers, the grapheme joiner),
/// which would make a record look like another or like nothing at all. The zero-width joiners and
/// variation selectors some scripts and emoji need are allowed, but never on their own.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// Checks <paramref name="value"/>; returns whether it is acceptable, with the trimmed text (null when
    /// absent). <paramref name="missing"/> is the message for a required field left out; without it the
    /// field is optional, and absent or empty text is simply null.
    /// </summary>
    public static bool Check(ValidationErrors errors, string field, string? value, int maxLength, out string? text, string? missing = null)
    {
        text = value?.Trim();
        if (string.IsNullOrEmpty(value) || (text!.Length == 0 && missing is not null))
        {
            text = null;
            return missing is null || errors.Check(false, field, missing);
        }

        if (Invisible(text) is { } at)
        {
            errors.Add(field, $"The text holds a control or invisible character ({at}); type it with visible characters only.");
            return false;
        }

        if (!text.EnumerateRunes().Any(Visible))
        {
            errors.Add(field, "The text is blank: it holds no visible character.");
            return false;
        }

        return errors.Check(text.Length <= maxLength, field, $"The text is longer than {maxLength} characters.");
    }

    /// <summary>The first refused character, as <c>U+200B at position 3</c>, or null when there is none.</summary>
    internal static string? Invisible(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                return $"an unpaired surrogate U+{(int)text[i]:X4} at position {i + 1}";
            }

            if (Refused(rune))
            {
                return $"U+{rune.Value:X4} at position {i + 1}";
            }

            i += length;
        }

        return null;
    }

    private static bool Refused(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned => true,
        _ => DefaultIgnorable(rune) && !Joiner(rune),
    };

    /// <summary>
    /// At least one character a reader sees: a letter, digit, punctuation or symbol. Marks, joiners and
    /// selectors count only beside one, and a few symbols drawn as nothing (the blank braille pattern)
    /// not at all.
    /// </summary>
    private static bool Visible(Rune rune) =>
        rune.Value is not (0x2800 or 0x1D159) && !DefaultIgnorable(rune) && Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => false,
            _ => true,
        };

    /// <summary>Joiners and variation selectors that some scripts and emoji need: allowed, never on their own.</summary>
    private static bool Joiner(Rune rune) => rune.Value is 0x200C or 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point: characters shown as nothing, whatever their category
    /// (Hangul fillers are letters, the grapheme joiner a mark), which would make text look blank or
    /// two references look alike.
    /// </summary>
    private static bool DefaultIgnorable(Rune rune) => rune.Value switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) => true,
        (>= 0xFE00 and <= 0xFE0F) or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };
}
