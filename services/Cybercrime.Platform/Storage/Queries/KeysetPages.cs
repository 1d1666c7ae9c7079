using System.Runtime.CompilerServices;

namespace Cybercrime.Platform.Storage.Queries;

/// <summary>A whole collection read page by page, never held in memory at once.</summary>
public static class KeysetPages
{
    /// <summary>
    /// Every document, in pages of at most <paramref name="size"/> in id order. Each page starts after the
    /// last id of the one before (on the primary key, not by skipping), so every page costs the same
    /// however far the reading has come, and a document written meanwhile is read once or not at all.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(
        this IDocumentCollection<T> collection, int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        string? after = null;
        while (true)
        {
            // The range includes its bound: one more is read, and the previous page's last is left out.
            var filter = after is null ? Filter.All : Filter.Between(CollectionDefinition.IdField, after, null);
            var read = await collection.ListAsync(new Query(filter, [Sort.Ascending(CollectionDefinition.IdField)], Take: size + 1), cancellationToken);
            var page = read.Where(document => document.Id != after).Take(size).ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            after = page[^1].Id;
        }
    }
}
