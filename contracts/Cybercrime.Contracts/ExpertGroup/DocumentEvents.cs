namespace Cybercrime.Contracts.ExpertGroup;

/// <summary>One language version of a revision: its file's hash and size, and when it was published (null: not yet).</summary>
public sealed record LanguageVersion(string Language, string Sha256, long Size, DateOnly? PublishedOn);

/// <summary>A revision of a document; a published one is superseded when a later revision is published.</summary>
public sealed record RevisionSnapshot(int Number, DateOnly? PublishedOn, IReadOnlyList<LanguageVersion> Versions);

/// <summary>A document as it stands after the event, every revision included.</summary>
public sealed record DocumentSnapshot(
    string Symbol,
    string Title,
    DocumentType Type,
    Guid? MeetingId,
    string OriginalLanguage,
    DocumentStatus Status,
    DateOnly? FirstPublishedOn,
    int? CurrentRevision,
    IReadOnlyList<RevisionSnapshot> Revisions);

public interface IDocumentEvent : IIntegrationEvent
{
    Guid DocumentId { get; }

    DocumentSnapshot Document { get; }
}

/// <summary>Language versions were published: the document's first, or more of its current revision.</summary>
[EventName("expert-group.document-published")]
public sealed record DocumentPublished(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid DocumentId, long Version, DocumentSnapshot Document) : IDocumentEvent
{
    Guid IIntegrationEvent.AggregateId => DocumentId;
}

/// <summary>A new revision was published; the one it supersedes stays readable.</summary>
[EventName("expert-group.document-superseded")]
public sealed record DocumentSuperseded(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid DocumentId, long Version, DocumentSnapshot Document) : IDocumentEvent
{
    Guid IIntegrationEvent.AggregateId => DocumentId;
}

[EventName("expert-group.document-withdrawn")]
public sealed record DocumentWithdrawn(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid DocumentId, long Version, DocumentSnapshot Document) : IDocumentEvent
{
    Guid IIntegrationEvent.AggregateId => DocumentId;
}

/// <summary>
/// The document as it stands, published again on reporting's request (a rebuild) with its current version:
/// a separate type, so that only a read model takes it and no subscriber mistakes it for a new fact.
/// </summary>
[EventName("expert-group.document-restated")]
public sealed record DocumentRestated(Guid EventId, DateTimeOffset OccurredAt, string Office, Guid DocumentId, long Version, DocumentSnapshot Document)
    : IDocumentEvent
{
    Guid IIntegrationEvent.AggregateId => DocumentId;
}
