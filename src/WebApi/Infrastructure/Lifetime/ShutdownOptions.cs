using System.ComponentModel.DataAnnotations;

namespace NovaPulse.WebApi.Infrastructure.Lifetime;

/// <summary>Section <c>Shutdown</c>: how a host leaves the load balancer's pool on SIGTERM.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long the host keeps serving after SIGTERM with <c>/health/ready</c> already 503, so the load balancer notices
    /// and stops sending before Kestrel closes its listeners. Set it above the balancer's check interval × unhealthy threshold.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long in-flight requests (and workers) get to finish once the listeners are closed (host shutdown timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
