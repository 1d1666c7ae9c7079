using Cybercrime.Contracts.ExpertGroup;

namespace Cybercrime.ExpertGroup.Documents;

internal sealed record VersionView(string Language, string Sha256, long Size, string ContentType, DateOnly? PublishedOn);

internal sealed record RevisionView(int Number, DateOnly? PublishedOn, bool Current, IReadOnlyList<VersionView> Versions);

/// <summary>A document as the secretariat sees it (every revision and version), or as the public does (<see cref="Published"/>).</summary>
internal sealed record DocumentView(
    string Id, string Symbol, string Title, DocumentType Type, string? MeetingId, string OriginalLanguage, DocumentStatus Status,
    DateOnly? FirstPublishedOn, IReadOnlyList<string> Languages, IReadOnlyList<RevisionView> Revisions)
{
    public static DocumentView Of(ExpertDocument d) => View(d, d.Revisions, _ => true);

    /// <summary>Only what was published: published revisions and their published versions.</summary>
    public static DocumentView Published(ExpertDocument d) => View(d, [.. d.Revisions.Where(r => r.PublishedOn is not null)], v => v.PublishedOn is not null);

    private static DocumentView View(ExpertDocument d, IEnumerable<Revision> revisions, Func<FileVersion, bool> shown) => new(
        d.Id, d.Symbol, d.Title, d.Type, d.MeetingId, d.OriginalLanguage, d.Status, d.FirstPublishedOn, d.ListedLanguages,
        [.. revisions.Select(r => new RevisionView(r.Number, r.PublishedOn, r.Number == d.Current?.Number,
            [.. r.Versions.Where(shown).Select(v => new VersionView(v.Language, v.Sha256, v.Size, v.ContentType, v.PublishedOn))]))]);
}
