namespace NovaPulse.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h after the
/// previous attempt (10 attempts in all), each delay with +/-10% jitter so retries of many deliveries spread out.
/// </summary>
public static class WebhookRetrySchedule
{
    public const double Jitter = 0.10;

    /// <summary>The delay before attempt n+1 is <c>Delays[n]</c>; attempt 1 is immediate.</summary>
    public static readonly IReadOnlyList<TimeSpan> Delays =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(14),
        TimeSpan.FromHours(20),
        TimeSpan.FromHours(24),
    ];

    public static int MaxAttempts => Delays.Count;

    /// <summary>Longest Retry-After we honour; beyond it the schedule's own delay applies.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// The delay after <paramref name="attemptsMade"/> failed attempts, or null when the schedule is exhausted.
    /// <paramref name="random"/> in [0, 1) picks the jitter; a receiver's <paramref name="retryAfter"/> (429/503) wins.
    /// </summary>
    public static TimeSpan? NextDelay(int attemptsMade, double random, TimeSpan? retryAfter = null)
    {
        if (attemptsMade >= MaxAttempts)
        {
            return null;
        }

        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after > MaxRetryAfter ? MaxRetryAfter : after;
        }

        var baseDelay = Delays[Math.Max(attemptsMade, 0)];
        var factor = 1 + ((random * 2) - 1) * Jitter;
        return TimeSpan.FromTicks((long)(baseDelay.Ticks * factor));
    }
}
