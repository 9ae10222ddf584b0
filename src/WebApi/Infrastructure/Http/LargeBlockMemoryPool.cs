using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Kestrel's buffers, in 64 KiB blocks instead of its default 4 KiB ones. Kestrel receives into one block per
/// <c>recv</c> call, so a 1 GiB upload took ≈ 260,000 calls (plus as many zero-byte reads) and about a second of CPU
/// here; with 64 KiB blocks receiving costs half as much (docs/PERFORMANCE.md). Blocks are pinned (the socket writes
/// into them) and reused; at most <see cref="MaxRetainedBlocks"/> idle ones are kept, the rest are left to the GC, so
/// a burst of connections does not pin memory for good.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;
    public const int MaxRetainedBlocks = 256;

    private readonly ConcurrentQueue<Block> _idle = new();
    private int _idleCount;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Idle blocks kept for reuse.</summary>
    public int RetainedBlocks => Volatile.Read(ref _idleCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_idle.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _idleCount);
            return block;
        }

        return new Block(this);
    }

    protected override void Dispose(bool disposing)
    {
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _idleCount) <= MaxRetainedBlocks)
        {
            _idle.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
    }

    /// <summary>Like Kestrel's own blocks, disposing returns the block to the pool: owners dispose once.</summary>
    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public Memory<byte> Memory => MemoryMarshal.CreateFromPinnedArray(_array, 0, _array.Length);

        public void Dispose() => pool.Return(this);
    }
}

/// <summary>Hands Kestrel (which asks DI for an <see cref="IMemoryPoolFactory{T}"/>) a <see cref="LargeBlockMemoryPool"/>.</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
