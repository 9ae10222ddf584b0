using System.Threading.RateLimiting;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// Per-minute fixed windows: in this process (no Redis configured, one host) or in Redis, shared by every host.
/// </summary>
public sealed class RateLimitPartitions(IServiceProvider services)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly RedisRateLimitStore? _store = services.GetService<RedisRateLimitStore>();

    /// <summary><paramref name="key"/> names the limit as well as the caller (<c>auth:ip:...</c> and <c>all:ip:...</c> are separate budgets).</summary>
    public RateLimitPartition<string> PerMinute(string key, int permits) => _store is null
        ? PerMinuteOnThisHost(key, permits)
        : RateLimitPartition.Get(key, partition => new LimitNamingLimiter(new RedisFixedWindowRateLimiter(partition, permits, Window, _store), permits));

    /// <summary>A window this host counts alone, whether or not Redis is configured.</summary>
    public static RateLimitPartition<string> PerMinuteOnThisHost(string key, int permits) =>
        // Not auto-replenishing: the partitioned limiter's timer refills the window, as RateLimitPartition.GetFixedWindowLimiter sets up.
        RateLimitPartition.Get(key, _ => new LimitNamingLimiter(
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, AutoReplenishment = false }), permits));
}
