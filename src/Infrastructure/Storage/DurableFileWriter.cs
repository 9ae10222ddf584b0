using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// Writes a new file from a stream and flushes it to disk before returning. Two buffers alternate so the write of one
/// chunk (a thread-pool write on Unix) overlaps reading, hashing and sniffing the next. With
/// <c>directIo</c> on Linux the file is opened with <c>O_DIRECT</c> (<see cref="UnbufferedFile"/>): the disk DMAs from our buffer instead of the CPU copying every
/// byte into the page cache, which on a large upload costs as much CPU as SHA-256. Elsewhere, on a file system
/// without direct I/O, or with it turned off, the same loop writes through the page cache.
/// </summary>
public static class DurableFileWriter
{
    /// <summary>Direct I/O needs offsets, lengths and memory aligned to the logical block size; 4 KiB covers all disks we run on.</summary>
    public const int Alignment = 4096;

    public const int ChunkSize = 1024 * 1024;

    /// <summary>Creates <paramref name="path"/> (which must not exist), copies <paramref name="content"/> into it and returns its size.</summary>
    public static async Task<long> WriteAsync(string path, Stream content, bool directIo, CancellationToken cancellationToken)
    {
        var direct = directIo ? UnbufferedFile.TryCreate(path) : null;
        using var file = direct ?? File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.Asynchronous);
        using var first = new AlignedBuffer();
        using var second = new AlignedBuffer();
        var size = await CopyAsync(content, file, [first, second], padToAlignment: direct is not null, cancellationToken);
        if (direct is not null)
        {
            // The last chunk was padded to a whole block; cut the file back to the bytes received.
            RandomAccess.SetLength(file, size);
        }

        using (var stream = new FileStream(file, FileAccess.Write, bufferSize: 0))
        {
            stream.Flush(flushToDisk: true);
        }

        return size;
    }

    private static async Task<long> CopyAsync(Stream content, SafeFileHandle file, AlignedBuffer[] buffers, bool padToAlignment, CancellationToken cancellationToken)
    {
        var pending = Task.CompletedTask;
        long offset = 0;
        try
        {
            for (var turn = 0; ; turn ^= 1)
            {
                var chunk = buffers[turn].Memory;
                var filled = await FillAsync(content, chunk, cancellationToken);
                await pending;
                pending = Task.CompletedTask;
                if (filled == 0)
                {
                    return offset;
                }

                var length = padToAlignment ? (filled + Alignment - 1) / Alignment * Alignment : filled;
                pending = RandomAccess.WriteAsync(file, chunk[..length], offset, cancellationToken).AsTask();
                offset += filled;
                if (filled < chunk.Length)
                {
                    // A short chunk is the last one (FillAsync reads to the end); a padded write must not be followed by another.
                    await pending;
                    pending = Task.CompletedTask;
                    return offset;
                }
            }
        }
        finally
        {
            // A failed read must not release a buffer the thread pool is still writing from.
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends, so writes go out in whole chunks.</summary>
    private static async Task<int> FillAsync(Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer[filled..], cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>A pooled array pinned for the copy, exposed from its first <see cref="Alignment"/>-aligned byte.</summary>
    private sealed class AlignedBuffer : IDisposable
    {
        private readonly byte[] _array = ArrayPool<byte>.Shared.Rent(ChunkSize + Alignment);
        private GCHandle _pin;

        public AlignedBuffer()
        {
            _pin = GCHandle.Alloc(_array, GCHandleType.Pinned);
            var address = _pin.AddrOfPinnedObject();
            var skip = (int)((Alignment - (address % Alignment)) % Alignment);
            Memory = _array.AsMemory(skip, ChunkSize);
        }

        public Memory<byte> Memory { get; }

        public void Dispose()
        {
            _pin.Free();
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
