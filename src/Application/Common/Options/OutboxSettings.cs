using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Common.Options;

/// <summary>Section <c>Outbox</c>: when a failing event is parked, and how long processed events are kept.</summary>
public sealed class OutboxSettings
{
    public const string SectionName = "Outbox";

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
