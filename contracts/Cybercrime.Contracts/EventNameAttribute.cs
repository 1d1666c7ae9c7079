using MassTransit;

namespace Cybercrime.Contracts;

/// <summary>
/// An event's stable name, <c>area.event-in-kebab-case</c>, independent of its class: the outbox
/// stores it, the message envelope carries it (as <c>urn:message:{name}</c>) and the broker's
/// exchange is named after it. Renaming the class changes none of them; changing the name is a new
/// event type (see <see cref="EventNames"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : MessageUrnAttribute(name)
{
    public string Name { get; } = name;
}
