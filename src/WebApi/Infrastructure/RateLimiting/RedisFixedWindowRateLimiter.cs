using System.Diagnostics;
using System.Threading.RateLimiting;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// One partition's fixed window in Redis (see <see cref="RedisRateLimitStore"/>). While Redis cannot be asked it falls
/// back to an in-memory window of the same size (fail open) or refuses with <see cref="StoreLease.Unavailable"/>.
/// </summary>
internal sealed class RedisFixedWindowRateLimiter(string partition, int permitLimit, TimeSpan window, RedisRateLimitStore store) : RateLimiter
{
    private FixedWindowRateLimiter? _fallback;
    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>Idle since the last request, unless the fallback still holds a window in progress (then keep it).</summary>
    public override TimeSpan? IdleDuration =>
        _fallback is { IdleDuration: null } ? null : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? StoreLease.Acquired : StoreLease.NotDecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return StoreLease.Acquired;
        }

        if (await store.TryCountAsync(partition, permitCount, window) is var (count, resetIn))
        {
            return count <= permitLimit ? StoreLease.Acquired : StoreLease.Rejected(resetIn);
        }

        if (!store.FailOpen)
        {
            return StoreLease.Unavailable;
        }

        if (_fallback is null)
        {
            var local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window });
            if (Interlocked.CompareExchange(ref _fallback, local, null) is not null)
            {
                local.Dispose();
            }
        }

        return await _fallback!.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback?.Dispose();
        }

        base.Dispose(disposing);
    }
}
