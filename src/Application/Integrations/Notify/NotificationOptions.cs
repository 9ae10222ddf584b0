using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Integrations.Notify;

/// <summary>
/// Section <c>Notifications</c>: the worker that sends integration notifications (Slack, email) outside the outbox
/// transaction. A send's own time limit is <c>Integrations:TimeoutSeconds</c>.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How often an idle worker looks for due notifications (a fan-out in this process wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends in flight per worker instance.</summary>
    [Range(1, 512)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Sends in flight per company and instance: a company whose mail server stalls holds at most this many.</summary>
    [Range(1, 512)]
    public int MaxConcurrencyPerCompany { get; set; } = 4;

    /// <summary>Attempts before a notification that keeps failing for passing reasons is given up.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Base of the retry backoff (exponential with full jitter, up to <see cref="MaxRetryDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reserve beyond the send's time limit before a crashed instance's claimed notifications are taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(30);
}
