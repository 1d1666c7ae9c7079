using Cybercrime.Contracts;
using MassTransit;

namespace Cybercrime.Platform.Messaging;

/// <summary>
/// Names each contract event's exchange after its stable name (<c>training.participant-registered</c>),
/// so that renaming a class renames no exchange; other messages (faults) keep MassTransit's names.
/// The broker users' permissions (deploy/rabbitmq/definitions.json) are written against these names.
/// </summary>
internal sealed class EventEntityNames(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => EventNames.Find(typeof(T)) ?? fallback.FormatEntityName<T>();
}
