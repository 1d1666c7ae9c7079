using System.Globalization;
using System.Text;

namespace Cybercrime.Platform.Http;

/// <summary>
/// The rule for text people type (titles, names, references): trimmed, not blank, within its length,
/// and free of control characters and of invisible format characters (zero-width spaces, bidirectional
/// overrides), which would make a record look like another or like nothing at all. The zero-width
/// joiners some scripts need (U+200C, U+200D) are allowed, but never on their own.
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
        UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse => true,
        UnicodeCategory.Format => rune.Value is not (0x200C or 0x200D),
        _ => false,
    };

    private static bool Visible(Rune rune) => !Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format;
}
