using Microsoft.Extensions.Diagnostics.HealthChecks;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Health;

/// <summary>Ready only when the database answers.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy("Database unreachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable", e);
        }
    }
}
