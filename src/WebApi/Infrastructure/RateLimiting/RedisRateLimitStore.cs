using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Redis;
using Prometheus;
using StackExchange.Redis;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// Fixed windows counted in Redis, so every host spends one budget. One round trip per request: a Lua script
/// increments the partition's counter, starts its window on the first hit and returns the count and the time left.
/// </summary>
public sealed partial class RedisRateLimitStore(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisRateLimitStore> logger)
{
    // INCR then PEXPIRE only when the key has no expiry: atomic in Redis, so N hosts racing on a new window start it once.
    private const string Script = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    private static readonly long LogEveryTicks = TimeSpan.FromSeconds(30).Ticks;

    private static readonly Counter Failures = Prometheus.Metrics.CreateCounter(
        "novapulse_rate_limit_store_failures_total",
        "Rate limit decisions Redis could not make, by what the host did instead (in_memory: fail open, rejected: fail closed).",
        "fallback");

    private long _lastLogged = long.MinValue;

    public bool FailOpen => options.Value.FailOpen;

    /// <summary>Counts <paramref name="permits"/> against the partition's current window; null when Redis could not be asked.</summary>
    public async Task<(long Count, TimeSpan ResetIn)?> TryCountAsync(string partition, int permits, TimeSpan window)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                Script, [options.Value.KeyPrefix + "rate:" + partition], [(long)window.TotalMilliseconds, permits]))!;
            return ((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            Failures.WithLabels(FailOpen ? "in_memory" : "rejected").Inc();
            // One line per 30 s: an outage under load would otherwise log once per request.
            var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            var last = Interlocked.Read(ref _lastLogged);
            if (now - last >= LogEveryTicks && Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
            {
                LogUnavailable(logger, FailOpen ? "each host applies its own in-memory limits" : "limited requests answer 503", e.GetType().Name, e.Message);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits: Redis unavailable, {Fallback} ({ErrorType}: {Error}); logged at most every 30 s, counted in novapulse_rate_limit_store_failures_total")]
    private static partial void LogUnavailable(ILogger logger, string fallback, string errorType, string error);
}
