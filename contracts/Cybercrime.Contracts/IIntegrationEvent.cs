namespace Cybercrime.Contracts;

/// <summary>The envelope every integration event carries, whatever its area.</summary>
public interface IIntegrationEvent
{
    /// <summary>Fixed when the event is raised and kept through every retry and re-publish.</summary>
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The office that owns the record (see <see cref="Offices"/>).</summary>
    string Office { get; }

    /// <summary>The id of the aggregate that raised the event.</summary>
    Guid AggregateId { get; }

    /// <summary>1, 2, 3 … per aggregate; consumers apply an event only when it is newer than what they hold.</summary>
    long Version { get; }
}
