namespace Cybercrime.Platform.Storage.Blobs;

/// <summary>
/// A read-only stream over a stored file's chunks, fetching one chunk at a time as it is read into one
/// buffer it reuses: <paramref name="chunk"/> fills the buffer with chunk n and returns its length.
/// </summary>
internal sealed class ChunkStream(long length, Func<int, byte[], CancellationToken, Task<int>> chunk) : Stream
{
    private readonly byte[] _buffer = new byte[BlobStore.ChunkSize];
    private int _filled;
    private int _offset;
    private int _next;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_offset == _filled)
        {
            _filled = await chunk(_next++, _buffer, cancellationToken);
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _filled - _offset);
        _buffer.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
