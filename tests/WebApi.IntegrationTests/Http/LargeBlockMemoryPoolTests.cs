using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.Infrastructure.Http;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Http;

/// <summary>Kestrel's buffer pool: 64 KiB blocks, reused, with a bounded number kept idle.</summary>
[Collection(ApiCollection.Name)]
public sealed class LargeBlockMemoryPoolTests(NovaPulseFactory factory)
{
    [Fact]
    public void The_host_gives_kestrel_the_large_block_pool()
    {
        var pools = factory.Services.GetRequiredService<IMemoryPoolFactory<byte>>();

        using var pool = pools.Create();

        Assert.IsType<LargeBlockMemoryPool>(pool);
    }

    [Fact]
    public void Every_block_is_64_KiB_and_a_returned_block_is_reused()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent(1);
        Assert.Equal(LargeBlockMemoryPool.BlockSize, first.Memory.Length);
        first.Memory.Span[0] = 42;

        first.Dispose();
        using var second = pool.Rent(LargeBlockMemoryPool.BlockSize);

        Assert.Same(first, second);
        Assert.Equal(0, pool.RetainedBlocks);
    }

    [Fact]
    public void A_burst_leaves_at_most_the_retention_limit_idle()
    {
        using var pool = new LargeBlockMemoryPool();
        var burst = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 50).Select(_ => pool.Rent()).ToList();

        burst.ForEach(b => b.Dispose());

        Assert.Equal(LargeBlockMemoryPool.MaxRetainedBlocks, pool.RetainedBlocks);
    }

    [Fact]
    public void More_than_a_block_is_refused()
    {
        using var pool = new LargeBlockMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }
}
