using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NovaPulse.WebApi.Infrastructure.Http;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c> (process up), <c>/health/ready</c> and <c>/health</c> (dependencies reachable; 503 if not, and
    /// rate limited like any request, since each one queries the database).
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness checks nothing and costs nothing, so it is not rate limited: an orchestrator's probe must not see a 429,
        // nor the 503 of a fail-closed limiter whose Redis is down, and restart healthy hosts for it.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .DisableRateLimiting();
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync };
        endpoints.MapHealthChecks("/health/ready", ready);
        endpoints.MapHealthChecks("/health", ready);
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
