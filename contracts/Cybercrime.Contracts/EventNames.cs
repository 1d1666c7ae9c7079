using System.Collections.Frozen;
using System.Reflection;

namespace Cybercrime.Contracts;

/// <summary>
/// The stable name of every contract event (<see cref="EventNameAttribute"/>), both ways, and of every
/// other contract message that carries one (a command such as a rebuild request).
/// </summary>
public static class EventNames
{
    private static readonly FrozenDictionary<Type, string> NameOf = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(type => type.IsClass && !type.IsAbstract
            && (typeof(IIntegrationEvent).IsAssignableFrom(type) || type.IsDefined(typeof(EventNameAttribute), inherit: false)))
        .ToFrozenDictionary(type => type, type => type.GetCustomAttribute<EventNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type.FullName} has no [EventName]: every contract event needs a stable name."));

    /// <summary>By stable name, and by the class's full name too, as outbox entries written before stable names hold it.</summary>
    private static readonly FrozenDictionary<string, Type> TypeOf = NameOf
        .Select(pair => KeyValuePair.Create(pair.Value, pair.Key))
        .Concat(NameOf.Keys.Select(type => KeyValuePair.Create(type.FullName!, type)))
        .ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> Events => NameOf.Keys;

    public static string Of(Type eventType) =>
        NameOf.TryGetValue(eventType, out var name) ? name : throw new ArgumentException($"{eventType} is not a contract event.", nameof(eventType));

    /// <summary>The event type of a stable name (or of a former full class name); null when none is known.</summary>
    public static Type? Resolve(string name) => TypeOf.GetValueOrDefault(name);

    /// <summary>The stable name, where the type carries one (a contract event), else null.</summary>
    public static string? Find(Type type) => NameOf.GetValueOrDefault(type);
}
