using Cybercrime.ExpertGroup.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>Alone, so that the process's allocations measured are this test's: no other test runs meanwhile.</summary>
[CollectionDefinition(nameof(FileMemoryTests), DisableParallelization = true)]
public sealed class AloneCollection;

/// <summary>A file goes through the service in chunks: its path allocates a small fraction of the file, never a copy of it.</summary>
[Collection(nameof(FileMemoryTests))]
public sealed class FileMemoryTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Staging_checking_storing_and_reading_a_20_mb_file_allocates_far_less_than_the_file()
    {
        var store = _api.Services.GetRequiredKeyedService<Cybercrime.Platform.Storage.DocumentStore>(ExpertGroupService.StoreName);
        var file = new byte[FileSettings.DefaultMaxFileBytes];
        "%PDF-"u8.CopyTo(file);
        var token = TestContext.Current.CancellationToken;
        using var source = new MemoryStream(file, writable: false);

        // What the upload route does with the body, then what the public route does with the file; the
        // allocations of this process meanwhile (the test's own file was allocated before) must stay far below one copy.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using (var staged = await StagedFile.CopyAsync(source, FileSettings.DefaultMaxFileBytes, token))
        {
            Assert.Null(await FileContent.MismatchAsync(staged!.File, FileKind.Pdf, token));
            staged.File.Position = 0;
            await store.Blobs.PutAsync("large", staged.File, token);
        }

        await using (var read = await store.Blobs.OpenReadAsync("large", token))
        {
            await read!.CopyToAsync(Stream.Null, token);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < file.Length / 2, $"{allocated:N0} bytes allocated for a file of {file.Length:N0}.");
    }
}
