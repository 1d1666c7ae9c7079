namespace Cybercrime.Platform.Storage.Queries;

/// <summary>
/// What a read selects, on declared indexed fields (camelCase paths such as <c>details.endDate</c>, or
/// <c>id</c>), combined with AND. Values are those of the document's own members (Guids, enums, dates),
/// and each adapter renders them as it stores that member.
/// </summary>
public abstract record Filter
{
    /// <summary>Every document.</summary>
    public static Filter All { get; } = new AndFilter([]);

    public static Filter Equal(string field, object? value) => new AnyOfFilter(field, [value]);

    /// <summary>The field equals one of the values; none matches an empty list.</summary>
    public static Filter AnyOf<TValue>(string field, IEnumerable<TValue> values) => new AnyOfFilter(field, [.. values.Cast<object?>()]);

    /// <summary>The field lies between the bounds, both included; a null bound is open.</summary>
    public static Filter Between(string field, object? from, object? to) => new RangeFilter(field, from, to);

    /// <summary>The field is an array holding the value.</summary>
    public static Filter Contains(string field, object value) => new ContainsFilter(field, value);

    public Filter And(Filter other) => new AndFilter([.. Parts(this), .. Parts(other)]);

    /// <summary>The fields this filter reads, for the indexed-field check.</summary>
    public abstract IEnumerable<string> Fields { get; }

    private static IEnumerable<Filter> Parts(Filter filter) => filter is AndFilter and ? and.Filters : [filter];
}

public sealed record AnyOfFilter(string Field, IReadOnlyList<object?> Values) : Filter
{
    public override IEnumerable<string> Fields => [Field];
}

public sealed record RangeFilter(string Field, object? From, object? To) : Filter
{
    public override IEnumerable<string> Fields => [Field];
}

public sealed record ContainsFilter(string Field, object Value) : Filter
{
    public override IEnumerable<string> Fields => [Field];
}

public sealed record AndFilter(IReadOnlyList<Filter> Filters) : Filter
{
    public override IEnumerable<string> Fields => Filters.SelectMany(f => f.Fields);
}
