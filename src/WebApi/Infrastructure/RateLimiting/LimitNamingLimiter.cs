using System.Threading.RateLimiting;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

/// <summary>
/// A partition's limiter that names its permits per minute on the leases it refuses, so a 429 reports the limit that
/// refused it: a sign-in refused by the caller's request budget is not over the sign-in budget. Replenishment is passed
/// through (the partitioned limiter's timer refills in-memory windows).
/// </summary>
internal sealed class LimitNamingLimiter(RateLimiter inner, int permitLimit) : ReplenishingRateLimiter
{
    /// <summary>Metadata of a refused lease: the refusing limit's permits per minute (an <see cref="int"/>).</summary>
    public const string PermitLimit = "NOVAPULSE_RATE_LIMIT_PERMITS";

    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override bool IsAutoReplenishing => inner is not ReplenishingRateLimiter replenishing || replenishing.IsAutoReplenishing;

    public override TimeSpan ReplenishmentPeriod => inner is ReplenishingRateLimiter replenishing ? replenishing.ReplenishmentPeriod : Timeout.InfiniteTimeSpan;

    public override bool TryReplenish() => inner is ReplenishingRateLimiter replenishing && replenishing.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Named(inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Named(await inner.AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private RateLimitLease Named(RateLimitLease lease) => lease.IsAcquired ? lease : new RefusedLease(lease, permitLimit);

    private sealed class RefusedLease(RateLimitLease lease, int permitLimit) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => lease.MetadataNames.Append(PermitLimit);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == PermitLimit)
            {
                metadata = permitLimit;
                return true;
            }

            return lease.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lease.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
