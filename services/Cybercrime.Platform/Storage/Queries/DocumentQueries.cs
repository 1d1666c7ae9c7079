namespace Cybercrime.Platform.Storage.Queries;

public static class DocumentQueries
{
    /// <summary>A page of the documents the query selects, and how many it selects in all.</summary>
    public static async Task<Page<T>> PageAsync<T>(this IDocumentCollection<T> collection, Query query, CancellationToken cancellationToken = default)
        where T : class, IDocument
    {
        var items = await collection.ListAsync(query, cancellationToken);
        return new Page<T>(items, await collection.CountAsync(query.Where, cancellationToken));
    }

    /// <summary>Checks that a query reads only the declared indexed fields, so that no query scans a collection.</summary>
    internal static void EnsureIndexed(this CollectionDefinition definition, Filter filter, IEnumerable<Sort>? sort = null)
    {
        foreach (var field in filter.Fields.Concat(sort?.Select(s => s.Field) ?? []))
        {
            definition.EnsureIndexed(field);
        }
    }
}
