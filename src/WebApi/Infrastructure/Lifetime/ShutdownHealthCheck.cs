using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NovaPulse.WebApi.Infrastructure.Lifetime;

/// <summary>Unhealthy from the moment the host is asked to stop (SIGTERM), so <c>/health/ready</c> takes it out of rotation.</summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The host is shutting down; in-flight requests are finishing.")
            : HealthCheckResult.Healthy());
}
