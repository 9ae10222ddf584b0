using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>Section <c>Webhooks</c>: delivery timeouts, auto-disable, SSRF guard and worker tuning.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Per-attempt timeout; a slower answer counts as a failure.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>An endpoint failing without a single success for this long is disabled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Allow loopback/private/link-local targets. Development and tests only.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How often idle workers look for new outbox events and due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries (and outbox events) claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Concurrent HTTP attempts per worker instance.</summary>
    [Range(1, 512)]
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Per-host circuit breaker: attempts within 30 s before it may open (at a 50% failure ratio).</summary>
    [Range(2, 100_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Reserve beyond the attempt timeout before the work a crashed instance had claimed is taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long a claimed delivery (or outbox batch) stays reserved for one worker; must outlast an attempt.</summary>
    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(TimeoutSeconds) + LeaseMargin;
}
