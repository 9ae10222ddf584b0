using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Common.Options;

/// <summary>
/// Section <c>Outbox</c>: how the processor claims events (batch, poll, lease), when a failing event is parked, and how
/// long processed events are kept. The older <c>Webhooks:BatchSize</c>/<c>PollInterval</c>/<c>TimeoutSeconds</c>+<c>LeaseMargin</c>
/// still apply where these are unset (Infrastructure's <c>LegacySettingNames</c>).
/// </summary>
public sealed class OutboxSettings
{
    public const string SectionName = "Outbox";

    /// <summary>Events claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How often an idle processor looks for events no commit woke it for (another host without NOTIFY, a retry).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed batch stays reserved for one processor before a crashed one's events are taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed consumer runs after which an event is parked (dead-lettered) and no longer retried.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// Processed events older than this are deleted. It is also how far back an event stream can resume with
    /// <c>Last-Event-ID</c>: an older position is answered with 410.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the retention worker prunes processed events and expired idempotency records.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a pass never holds long locks or a huge transaction.</summary>
    [Range(1, 100_000)]
    public int PruneBatchSize { get; set; } = 1000;
}
