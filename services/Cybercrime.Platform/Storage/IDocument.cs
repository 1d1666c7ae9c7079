namespace Cybercrime.Platform.Storage;

/// <summary>A stored document: an aggregate, or a read-model row keyed by its source aggregate.</summary>
public interface IDocument
{
    string Id { get; }

    /// <summary>The aggregate's version: bumped by every change, compared by every conditional write.</summary>
    long Version { get; }
}
