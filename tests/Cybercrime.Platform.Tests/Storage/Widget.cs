using Cybercrime.Platform.Storage;

namespace Cybercrime.Platform.Tests.Storage;

public enum WidgetKind
{
    Small,
    VeryLarge,
}

/// <summary>A document with one field of each kind the adapters must store and match.</summary>
public sealed class Widget : IDocument
{
    public required string Id { get; init; }

    public required long Version { get; init; }

    public required string Name { get; init; }

    public required int Year { get; init; }

    public required Guid Owner { get; init; }

    public required WidgetKind Kind { get; init; }

    public required IReadOnlyList<WidgetKind> Tags { get; init; }

    public DateOnly? Due { get; init; }

    /// <summary>Not indexed: summed and grouped, never filtered on.</summary>
    public long Size { get; init; }

    public static Widget Make(string id, long version = 1, string name = "w", int year = 2020, Guid? owner = null, WidgetKind kind = WidgetKind.Small, long size = 1) => new()
    {
        Id = id,
        Version = version,
        Name = name,
        Year = year,
        Owner = owner ?? Guid.Empty,
        Kind = kind,
        Tags = [kind, WidgetKind.VeryLarge],
        Due = new DateOnly(year, 5, 8),
        Size = size,
    };

    public static readonly CollectionDefinition Definition = new(typeof(Widget), "widgets", ["name", "year", "owner", "kind", "due", "tags"]);
}
