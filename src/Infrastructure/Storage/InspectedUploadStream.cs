using System.Buffers;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// A read-only, forward-only view of an incoming upload that storage copies from: it replays the sniffed header,
/// then the rest of the request body, computing SHA-256 (<see cref="OverlappedSha256"/>) and counting bytes as they pass, and throws
/// <see cref="ErrorKind.TooLarge"/> as soon as the limit is crossed. Nothing is buffered beyond the header.
/// </summary>
public sealed class InspectedUploadStream : Stream
{
    private readonly Stream _source;
    private readonly ReadOnlyMemory<byte> _header;
    private readonly long _limit;
    private readonly OverlappedSha256 _hash = new();
    private int _headerPosition;
    private string? _checksum;

    private InspectedUploadStream(Stream source, ReadOnlyMemory<byte> header, long limit)
    {
        _source = source;
        _header = header;
        _limit = limit;
    }

    /// <summary>The first bytes of the file (up to the length asked for when opened), for sniffing.</summary>
    public ReadOnlyMemory<byte> Header => _header;

    /// <summary>Bytes read so far (the file's size once storage has read to the end).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lower-case hex SHA-256 of everything read; available once the end was reached.</summary>
    public string Checksum => _checksum ?? throw new InvalidOperationException("The upload was not read to the end.");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>Reads <paramref name="headerLength"/> bytes from <paramref name="source"/> (awaiting until they are there or the body ends).</summary>
    public static async Task<InspectedUploadStream> OpenAsync(Stream source, long limit, int headerLength, CancellationToken cancellationToken)
    {
        var buffer = new byte[headerLength];
        var filled = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

        return new InspectedUploadStream(source, buffer.AsMemory(0, filled), limit);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headerPosition < _header.Length)
        {
            read = Math.Min(buffer.Length, _header.Length - _headerPosition);
            _header.Slice(_headerPosition, read).CopyTo(buffer);
            _headerPosition += read;
        }
        else
        {
            read = await _source.ReadAsync(buffer, cancellationToken);
        }

        await AccountAsync(buffer[..read], cancellationToken);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_headerPosition < _header.Length)
        {
            read = Math.Min(buffer.Length, _header.Length - _headerPosition);
            _header.Span.Slice(_headerPosition, read).CopyTo(buffer);
            _headerPosition += read;
        }
        else
        {
            read = _source.Read(buffer);
        }

        // Only storage that copies synchronously gets here (Kestrel refuses synchronous body reads); it waits the same way.
        var chunk = ArrayPool<byte>.Shared.Rent(read);
        try
        {
            buffer[..read].CopyTo(chunk);
            AccountAsync(chunk.AsMemory(0, read), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await _hash.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private async ValueTask AccountAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (chunk.IsEmpty)
        {
            _checksum ??= Convert.ToHexStringLower(await _hash.FinishAsync(cancellationToken));
            return;
        }

        BytesRead += chunk.Length;
        if (BytesRead > _limit)
        {
            throw AppException.TooLarge(_limit);
        }

        await _hash.AppendAsync(chunk, cancellationToken);
    }
}
