namespace Cybercrime.ExpertGroup.Documents;

/// <summary>
/// A request body copied to a temporary file (deleted on dispose) before it is checked and stored, so
/// that no file is held in memory and an oversized one is stopped at the limit, not read to its end.
/// </summary>
internal sealed class StagedFile : IAsyncDisposable
{
    private StagedFile(FileStream file) => File = file;

    public FileStream File { get; }

    /// <summary>The staged body, or null when it is longer than <paramref name="maxBytes"/> (then nothing is kept).</summary>
    public static async Task<StagedFile?> CopyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"expert-group-{Guid.NewGuid():N}.upload"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    await file.DisposeAsync();
                    return null;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        file.Position = 0;
        return new StagedFile(file);
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}
