using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// Writes a new file from a stream and flushes it to disk before returning. Buffers rotate so that up to
/// <see cref="WritesInFlight"/> chunk writes (thread-pool writes on Unix) overlap reading, hashing and sniffing the next. With
/// <c>directIo</c> on Linux the file is opened with <c>O_DIRECT</c> (<see cref="LinuxFiles"/>): the disk DMAs from our buffer instead of the CPU copying every
/// byte into the page cache, which on a large upload costs as much CPU as SHA-256. Elsewhere, on a file system
/// without direct I/O, or with it turned off, the same loop writes through the page cache.
/// </summary>
public static class DurableFileWriter
{
    /// <summary>Direct I/O needs offsets, lengths and memory aligned to the logical block size; 4 KiB covers all disks we run on.</summary>
    public const int Alignment = 4096;

    public const int ChunkSize = 1024 * 1024;

    /// <summary>Chunks being written at once: one outstanding 1 MiB write left the disk idle between requests.</summary>
    public const int WritesInFlight = 4;

    /// <summary>Creates <paramref name="path"/> (which must not exist), copies <paramref name="content"/> into it and returns its size.</summary>
    public static async Task<long> WriteAsync(string path, Stream content, bool directIo, CancellationToken cancellationToken)
    {
        var direct = directIo ? LinuxFiles.TryCreateUnbuffered(path) : null;
        using var file = direct ?? File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.Asynchronous);
        // Rented as the copy needs them: a small upload takes one.
        var buffers = new AlignedBuffer?[WritesInFlight];
        long size;
        try
        {
            size = await CopyAsync(content, file, buffers, padToAlignment: direct is not null, cancellationToken);
        }
        finally
        {
            Array.ForEach(buffers, b => b?.Dispose());
        }

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

    private static async Task<long> CopyAsync(Stream content, SafeFileHandle file, AlignedBuffer?[] buffers, bool padToAlignment, CancellationToken cancellationToken)
    {
        var writes = new Task[buffers.Length];
        Array.Fill(writes, Task.CompletedTask);
        long offset = 0;
        try
        {
            for (var turn = 0; ; turn = (turn + 1) % buffers.Length)
            {
                // A buffer is refilled only once its previous write is done.
                await writes[turn];
                var chunk = (buffers[turn] ??= new AlignedBuffer()).Memory;
                // Whole chunks: reads until the chunk is full or the stream ends.
                var filled = await content.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                var length = padToAlignment ? (filled + Alignment - 1) / Alignment * Alignment : filled;
                writes[turn] = RandomAccess.WriteAsync(file, chunk[..length], offset, cancellationToken).AsTask();
                offset += filled;
                if (filled < chunk.Length)
                {
                    // A short chunk is the last one; nothing may follow a padded write.
                    break;
                }
            }

            await Task.WhenAll(writes);
            return offset;
        }
        finally
        {
            // A failed read must not release buffers the thread pool is still writing from.
            await Task.WhenAll(writes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
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
