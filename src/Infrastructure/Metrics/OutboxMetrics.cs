using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Infrastructure.Persistence;
using Prometheus;

namespace NovaPulse.Infrastructure.Metrics;

/// <summary>Outbox backlog gauges, read from the database when Prometheus scrapes (no polling loop).</summary>
public static class OutboxMetrics
{
    private static readonly Gauge Backlog = Prometheus.Metrics.CreateGauge(
        "novapulse_outbox_backlog", "Outbox events not yet processed.");

    private static readonly Gauge OldestAge = Prometheus.Metrics.CreateGauge(
        "novapulse_outbox_oldest_age_seconds", "Age of the oldest unprocessed outbox event.");

    public static void Register(IServiceProvider services, TimeProvider clock) =>
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(async cancellationToken =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = db.OutboxMessages.IgnoreQueryFilters().Where(m => m.ProcessedAt == null);
            Backlog.Set(await pending.CountAsync(cancellationToken));
            var oldest = await pending.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
            OldestAge.Set(oldest is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0);
        });
}
