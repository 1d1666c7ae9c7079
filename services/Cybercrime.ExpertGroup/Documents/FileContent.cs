using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>The file types a language version may be, by the media type it is sent as.</summary>
internal enum FileKind
{
    Pdf,
    Docx,
    Html,
    Text,
}

/// <summary>
/// Checks that a file is what its declared type says: a PDF starts with <c>%PDF-</c>; a DOCX is a zip
/// holding <c>word/document.xml</c>; HTML and plain text are UTF-8 (HTML starting, after any byte-order
/// mark and white space, with a doctype, a comment or an element), with no control character but tab,
/// line feed, carriage return and form feed. The file is read from the staged copy, a chunk at a time.
/// </summary>
internal static class FileContent
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static readonly IReadOnlyDictionary<string, FileKind> MediaTypes = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = FileKind.Pdf,
        [Docx] = FileKind.Docx,
        ["text/html"] = FileKind.Html,
        ["text/plain"] = FileKind.Text,
    };

    /// <summary>The C0 controls, DEL and the C1 controls, but for tab, line feed, carriage return and form feed.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r' or '\f'))]);

    public static string MediaType(FileKind kind) => MediaTypes.First(m => m.Value == kind).Key;

    /// <summary>Null when the content matches <paramref name="kind"/>; else why not.</summary>
    public static async Task<string?> MismatchAsync(Stream file, FileKind kind, CancellationToken cancellationToken)
    {
        file.Position = 0;
        return kind switch
        {
            FileKind.Pdf => await StartsWithAsync(file, "%PDF-"u8.ToArray(), cancellationToken) ? null : "A PDF file starts with %PDF-; this one does not.",
            FileKind.Docx => IsDocx(file) ? null : "A DOCX file is a zip archive holding word/document.xml; this one is not.",
            FileKind.Html => await IsUtf8Async(file, cancellationToken) && await LooksLikeHtmlAsync(file, cancellationToken)
                ? null
                : "An HTML file is UTF-8 text without control characters, starting with a doctype or an element; this one is not.",
            _ => await IsUtf8Async(file, cancellationToken) ? null : "A plain text file is UTF-8 without control characters (tab, line feed, carriage return and form feed aside); this one is not.",
        };
    }

    private static async Task<bool> StartsWithAsync(Stream file, byte[] magic, CancellationToken cancellationToken)
    {
        var head = new byte[magic.Length];
        return await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken) == head.Length && head.AsSpan().SequenceEqual(magic);
    }

    private static bool IsDocx(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Valid UTF-8 throughout, decoded chunk by chunk, with no control character but tab, line feed, carriage
    /// return and form feed: NUL marks a binary file, and ESC and the like are terminal escapes, not text.
    /// </summary>
    private static async Task<bool> IsUtf8Async(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        try
        {
            int read;
            do
            {
                read = await file.ReadAsync(bytes, cancellationToken);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                if (chars.AsSpan(0, count).ContainsAny(Controls))
                {
                    return false;
                }
            }
            while (read > 0);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static async Task<bool> LooksLikeHtmlAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var head = new byte[1024];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var text = Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF').TrimStart();
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<!--", StringComparison.Ordinal)
            || (text.Length > 1 && text[0] == '<' && char.IsAsciiLetter(text[1]));
    }
}
