using Prometheus;

namespace NovaPulse.WebApi.Infrastructure.Metrics;

public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The Prometheus exporter behind <see cref="MetricsAccessMiddleware"/>, as one endpoint.</summary>
    public static IEndpointConventionBuilder MapGuardedMetrics(this IEndpointRouteBuilder endpoints)
    {
        var pipeline = endpoints.CreateApplicationBuilder()
            .UseMiddleware<MetricsAccessMiddleware>()
            .UseMetricServer(_ => { }, url: null)
            .Build();
        // Guarded by its own access rules rather than the request budget, so a scrape still reads the counters of an
        // outage (a fail-closed limiter with Redis down answers everything else 503).
        return endpoints.Map(Path, pipeline).WithDisplayName("Prometheus metrics").DisableRateLimiting();
    }
}
