namespace NovaPulse.Infrastructure.Workers;

/// <summary>Exponential backoff with full jitter for periodic workers after failed passes.</summary>
public static class Backoff
{
    /// <summary>The base interval when all went well; after n failures a random delay up to interval * 2^n (capped).</summary>
    public static TimeSpan Next(TimeSpan interval, int failures, TimeSpan max)
    {
        if (failures == 0)
        {
            return interval;
        }

        var ceiling = Math.Min(interval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Max(interval.TotalMilliseconds, Random.Shared.NextDouble() * ceiling));
    }
}
