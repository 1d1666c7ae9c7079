using System.Security.Cryptography;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Blobs;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>What every adapter's file storage must do; each adapter runs these against a real database.</summary>
public abstract class BlobStoreContract : IAsyncDisposable
{
    private readonly List<DocumentStore> _stores = [];

    /// <summary>A fresh, empty, initialised store.</summary>
    protected abstract Task<DocumentStore> CreateStoreAsync();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<BlobStore> BlobsAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store.Blobs;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Bytes that differ from chunk to chunk, so that a chunk read out of order would show.</summary>
    private static byte[] Content(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(BlobStore.ChunkSize)]
    [InlineData(BlobStore.ChunkSize * 3 + 17)]
    public async Task A_stored_file_reads_back_byte_for_byte_with_its_size_and_hash(int length)
    {
        var blobs = await BlobsAsync();
        var content = Content(length);

        var stored = await blobs.PutAsync("a", new MemoryStream(content), Token);

        var expected = new BlobInfo("a", length, Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.Equal(expected, stored);
        Assert.Equal(expected, await blobs.InfoAsync("a", Token));
        await using var read = await blobs.OpenReadAsync("a", Token);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, 4096, Token);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task A_file_is_read_in_small_pieces_as_well()
    {
        var blobs = await BlobsAsync();
        var content = Content(BlobStore.ChunkSize + 1000);
        await blobs.PutAsync("a", new MemoryStream(content), Token);

        await using var read = await blobs.OpenReadAsync("a", Token);
        var copy = new List<byte>();
        var buffer = new byte[777];
        while (await read!.ReadAsync(buffer, Token) is var n and > 0)
        {
            copy.AddRange(buffer[..n]);
        }

        Assert.Equal(content, copy);
    }

    [Fact]
    public async Task A_missing_file_has_no_info_and_no_stream()
    {
        var blobs = await BlobsAsync();

        Assert.Null(await blobs.InfoAsync("missing", Token));
        Assert.Null(await blobs.OpenReadAsync("missing", Token));
    }

    [Fact]
    public async Task A_taken_id_is_refused_and_the_stored_file_kept()
    {
        var blobs = await BlobsAsync();
        var first = Content(BlobStore.ChunkSize + 5);
        await blobs.PutAsync("a", new MemoryStream(first), Token);

        await Assert.ThrowsAsync<BlobExistsException>(() => blobs.PutAsync("a", new MemoryStream([1, 2, 3]), Token));

        await using var read = await blobs.OpenReadAsync("a", Token);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, Token);
        Assert.Equal(first, copy.ToArray());
    }

    [Fact]
    public async Task Files_are_kept_apart_and_deleting_one_leaves_the_others()
    {
        var blobs = await BlobsAsync();
        await blobs.PutAsync("a", new MemoryStream(Content(10)), Token);
        await blobs.PutAsync("b", new MemoryStream([9, 9]), Token);

        await blobs.DeleteAsync("a", Token);
        await blobs.DeleteAsync("never-stored", Token);

        Assert.Null(await blobs.InfoAsync("a", Token));
        Assert.Null(await blobs.OpenReadAsync("a", Token));
        Assert.Equal(2, (await blobs.InfoAsync("b", Token))!.Size);
        await blobs.PutAsync("a", new MemoryStream([7]), Token);
        Assert.Equal(1, (await blobs.InfoAsync("a", Token))!.Size);
    }

    [Fact]
    public async Task A_failed_upload_leaves_nothing_behind()
    {
        var blobs = await BlobsAsync();

        await Assert.ThrowsAsync<IOException>(() => blobs.PutAsync("a", new FailingStream(Content(BlobStore.ChunkSize * 2)), Token));

        Assert.Null(await blobs.InfoAsync("a", Token));
        Assert.Null(await blobs.OpenReadAsync("a", Token));
    }

    /// <summary>A source that breaks after its first chunk (a disk error mid-copy).</summary>
    private sealed class FailingStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= BlobStore.ChunkSize ? throw new IOException("The source broke.") : base.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= BlobStore.ChunkSize ? throw new IOException("The source broke.") : base.Read(buffer, offset, count);
    }
}
