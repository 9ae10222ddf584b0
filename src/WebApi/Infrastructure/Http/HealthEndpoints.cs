using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NovaPulse.WebApi.Infrastructure.Http;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c> (process up), <c>/health/ready</c> and <c>/health</c> (dependencies reachable; 503 if not), under
    /// the probes' own rate limit (<see cref="RateLimiting.RateLimitingRegistration.ProbePolicy"/>).
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .RequireRateLimiting(DependencyInjection.ProbeRateLimitPolicy);
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync };
        endpoints.MapHealthChecks("/health/ready", ready).RequireRateLimiting(DependencyInjection.ProbeRateLimitPolicy);
        endpoints.MapHealthChecks("/health", ready).RequireRateLimiting(DependencyInjection.ProbeRateLimitPolicy);
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
