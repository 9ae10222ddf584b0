using System.ComponentModel.DataAnnotations;

namespace NovaPulse.WebApi.Infrastructure.Events;

/// <summary>Section <c>EventStream</c>: how <c>GET /api/v1/events/stream</c> polls the outbox and keeps connections alive.</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "EventStream";

    /// <summary>How often an open stream reads new committed events.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A comment line after this much silence, so proxies and clients see the connection is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Each read re-scans this far behind the newest event sent: a transaction that stamped its event earlier but
    /// committed later (or on a host with a slightly slow clock) is still delivered, once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often an open stream authenticates its request again: a revoked API key or an expired access token ends the
    /// stream within this time (clients reconnect with a valid credential and <c>Last-Event-ID</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open stream's slot (its row in <c>event_stream_leases</c>, counted against the plan's
    /// <c>EventStreamsPerPrincipal</c>) lasts without renewal; the host renews it every third of this. A crashed host's
    /// streams free their slots when their leases lapse.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The reconnection delay suggested to clients (the SSE <c>retry:</c> field).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ClientRetry { get; set; } = TimeSpan.FromSeconds(3);
}
