using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Scale;

/// <summary>
/// A host whose rate limits live in Redis (10 requests per principal and 4 sign-ins per address per minute), and more
/// hosts on its database and Redis: a cluster in one test.
/// </summary>
public sealed class RedisHost : NovaPulseFactory
{
    public const int PermitsPerMinute = 10;
    public const int AuthPermitsPerMinute = 4;
    public const string MetricsToken = "metrics-token-0123456789abcdef0123456789";

    private readonly Dictionary<string, string?> _settings;

    /// <param name="redis">The Redis every host of this cluster shares.</param>
    /// <param name="failOpen">The <c>Redis:FailOpen</c> setting.</param>
    public RedisHost(ThrowawayRedis redis, bool failOpen = true) => _settings = new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Redis:FailOpen"] = failOpen ? "true" : "false",
        // A budget of this test's own: hosts of other tests on the same Redis count other windows.
        ["Redis:KeyPrefix"] = $"test-{Guid.NewGuid():N}:",
        ["RateLimiting:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:AuthPermitsPerMinute"] = AuthPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Metrics:BearerToken"] = MetricsToken,
    };

    private RedisHost(RedisHost sameClusterAs)
        : base(sameClusterAs) => _settings = sameClusterAs._settings;

    protected override IDictionary<string, string?> Settings => _settings;

    /// <summary>Another host on this one's database and Redis, with the same settings.</summary>
    public RedisHost Another() => new(this);
}
