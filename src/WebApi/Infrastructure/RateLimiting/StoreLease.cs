using System.Threading.RateLimiting;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

/// <summary>A decision of the shared (Redis) window: acquired, rejected until the window resets, or no decision (Redis down, fail closed).</summary>
internal sealed class StoreLease : RateLimitLease
{
    /// <summary>Metadata of a lease refused because Redis could not be asked; answered 503 rather than 429.</summary>
    public const string StoreUnavailable = "NOVAPULSE_RATE_LIMIT_STORE_UNAVAILABLE";

    /// <summary>What a fail-closed host tells clients to wait: long enough for Redis to restart or fail over.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(5);

    public static readonly StoreLease Acquired = new(true, null, false);

    /// <summary>The synchronous attempt never asks Redis: a failed attempt makes the middleware await the real decision.</summary>
    public static readonly StoreLease NotDecided = new(false, null, false);

    public static readonly StoreLease Unavailable = new(false, UnavailableRetryAfter, true);

    private readonly TimeSpan? _retryAfter;
    private readonly bool _unavailable;

    private StoreLease(bool acquired, TimeSpan? retryAfter, bool unavailable)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
        _unavailable = unavailable;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames =>
        _unavailable ? [MetadataName.RetryAfter.Name, StoreUnavailable] : _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public static StoreLease Rejected(TimeSpan retryAfter) => new(false, retryAfter, false);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? _retryAfter
            : metadataName == StoreUnavailable && _unavailable ? true
            : null;
        return metadata is not null;
    }
}
