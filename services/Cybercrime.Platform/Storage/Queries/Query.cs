namespace Cybercrime.Platform.Storage.Queries;

/// <summary>An order on a declared indexed field (or <c>id</c>).</summary>
public sealed record Sort(string Field, bool Descending = false)
{
    public static Sort Ascending(string field) => new(field);

    public static Sort Descend(string field) => new(field, Descending: true);
}

/// <summary>Documents matching <see cref="Where"/>, in <see cref="OrderBy"/> order, <see cref="Take"/> of them after skipping <see cref="Skip"/>.</summary>
public sealed record Query(Filter Where, IReadOnlyList<Sort> OrderBy, int Skip = 0, int Take = int.MaxValue);

/// <summary>One page of documents and how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);

/// <summary>
/// One group of a grouped count: the values of the fields grouped by, in their order, typed as the
/// document's members are (a Guid, an enum), and how many documents share them.
/// </summary>
public sealed record Group(IReadOnlyList<object?> Key, long Count)
{
    public TValue KeyAt<TValue>(int index) => (TValue)Key[index]!;
}

/// <summary>One group of a grouped sum: the values of the fields grouped by, typed as in <see cref="Group"/>, and the sum of the field over the group.</summary>
public sealed record GroupSum(IReadOnlyList<object?> Key, long Sum)
{
    public TValue KeyAt<TValue>(int index) => (TValue)Key[index]!;
}
