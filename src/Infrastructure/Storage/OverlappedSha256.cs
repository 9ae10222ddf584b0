using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// SHA-256 of a sequence of chunks, computed on a thread-pool task so that hashing a large upload runs on one core
/// while the request thread receives and stores it on the other (SHA-256 is the most expensive step per byte, and one
/// digest cannot be split). Chunks are copied into pooled segments, at most <see cref="MaxQueued"/> waiting, so memory
/// stays bounded; an upload smaller than one segment is hashed inline at the end and starts no task.
/// </summary>
public sealed class OverlappedSha256 : IAsyncDisposable
{
    public const int SegmentSize = 256 * 1024;
    private const int MaxQueued = 4;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Channel<(byte[] Buffer, int Length)> _queue =
        Channel.CreateBounded<(byte[] Buffer, int Length)>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, SingleWriter = true });

    private Task? _worker;
    private byte[]? _segment;
    private int _filled;

    /// <summary>Copies <paramref name="data"/> (the caller may reuse its buffer at once); waits only while the queue is full.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            _segment ??= ArrayPool<byte>.Shared.Rent(SegmentSize);
            var length = Math.Min(data.Length, SegmentSize - _filled);
            data.Span[..length].CopyTo(_segment.AsSpan(_filled));
            _filled += length;
            data = data[length..];
            if (_filled == SegmentSize)
            {
                await EnqueueAsync(cancellationToken);
            }
        }
    }

    /// <summary>The digest of everything appended.</summary>
    public async ValueTask<byte[]> FinishAsync(CancellationToken cancellationToken)
    {
        if (_worker is null)
        {
            _hash.AppendData(_segment ?? [], 0, _filled);
        }
        else
        {
            if (_filled > 0)
            {
                await EnqueueAsync(cancellationToken);
            }

            _queue.Writer.Complete();
            await _worker;
        }

        ReturnSegment();
        return _hash.GetHashAndReset();
    }

    public async ValueTask DisposeAsync()
    {
        // An abandoned upload: let the task finish what it holds (it returns every queued segment to the pool).
        _queue.Writer.TryComplete();
        if (_worker is not null)
        {
            await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        ReturnSegment();
        _hash.Dispose();
    }

    private ValueTask EnqueueAsync(CancellationToken cancellationToken)
    {
        _worker ??= Task.Run(HashQueuedAsync, CancellationToken.None);
        var segment = (_segment!, _filled);
        _segment = null;
        _filled = 0;
        return _queue.Writer.WriteAsync(segment, cancellationToken);
    }

    private async Task HashQueuedAsync()
    {
        await foreach (var (buffer, length) in _queue.Reader.ReadAllAsync())
        {
            _hash.AppendData(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReturnSegment()
    {
        if (_segment is not null)
        {
            ArrayPool<byte>.Shared.Return(_segment);
            _segment = null;
        }
    }
}
