using System.Text.Json.Serialization;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>One language version's file, in the store's files under <see cref="BlobId"/>; immutable once published.</summary>
internal sealed record FileVersion(string Language, string BlobId, string Sha256, long Size, string ContentType, DateOnly? PublishedOn);

/// <summary>A revision of a document: its language versions, published together or one by one as translations come.</summary>
internal sealed record Revision(int Number, DateOnly? PublishedOn, IReadOnlyList<FileVersion> Versions)
{
    public FileVersion? In(string language) => Versions.FirstOrDefault(v => v.Language == language);
}

/// <summary>
/// A document with a UN symbol. Uploads go to its latest revision; a published version is never
/// replaced (a change is a new revision, which supersedes the old one when published). The search
/// fields (<see cref="Listed"/>, <see cref="TitleWords"/>, <see cref="ListedLanguages"/>) are kept on
/// every change so that the store answers the public search from its indexes.
/// </summary>
internal sealed record ExpertDocument : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Symbol { get; init; }

    /// <summary>The symbol as its uniqueness and the search compare it.</summary>
    public required string SymbolKey { get; init; }

    public required string Title { get; init; }

    public required DocumentType Type { get; init; }

    public string? MeetingId { get; init; }

    public required string OriginalLanguage { get; init; }

    public required DocumentStatus Status { get; init; }

    public DateOnly? FirstPublishedOn { get; init; }

    public required IReadOnlyList<Revision> Revisions { get; init; }

    public bool Listed { get; init; }

    public IReadOnlyList<string> TitleWords { get; init; } = [];

    /// <summary>The languages of the current revision's published versions.</summary>
    public IReadOnlyList<string> ListedLanguages { get; init; } = [];

    [JsonIgnore]
    public Guid Key => Guid.Parse(Id);

    [JsonIgnore]
    public Revision Latest => Revisions[^1];

    /// <summary>The latest published revision: what the public reads by default.</summary>
    [JsonIgnore]
    public Revision? Current => Revisions.LastOrDefault(r => r.PublishedOn is not null);

    /// <summary>The same document at its next version, with its search fields brought up to date.</summary>
    public ExpertDocument Next(Func<ExpertDocument, ExpertDocument> change)
    {
        var changed = change(this) with { Version = Version + 1 };
        var listed = changed.Status == DocumentStatus.Published;
        return changed with
        {
            Listed = listed,
            TitleWords = Words.Of(changed.Title),
            ListedLanguages = listed && changed.Current is { } current ? [.. current.Versions.Where(v => v.PublishedOn is not null).Select(v => v.Language)] : [],
        };
    }

    /// <summary>The same revisions with the latest one replaced.</summary>
    public IReadOnlyList<Revision> WithLatest(Revision latest) => [.. Revisions.Take(Revisions.Count - 1), latest];

    public DocumentSnapshot Snapshot() => new(
        Symbol, Title, Type, MeetingId is null ? null : Guid.Parse(MeetingId), OriginalLanguage, Status, FirstPublishedOn, Current?.Number,
        [.. Revisions.Select(r => new RevisionSnapshot(r.Number, r.PublishedOn, [.. r.Versions.Select(v => new LanguageVersion(v.Language, v.Sha256, v.Size, v.PublishedOn))]))]);
}

/// <summary>Title words as the search matches them: lower case, letters and digits, two characters or more.</summary>
internal static partial class Words
{
    public static IReadOnlyList<string> Of(string? text) =>
        [.. Word().Matches(text ?? "").Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2).Distinct()];

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial System.Text.RegularExpressions.Regex Word();
}

/// <summary>A symbol taken by a document: keyed by the symbol, so the store lets only one creation claim it.</summary>
internal sealed record SymbolClaim(string Id, long Version, string DocumentId) : IDocument;
