namespace Cybercrime.Platform.Storage;

/// <summary>
/// The store could not take a write in time (locked by another process, unreachable). Nothing was
/// written; the caller may retry later. HTTP answers it with 503.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
