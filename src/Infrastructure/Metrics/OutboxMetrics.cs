using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Infrastructure.Persistence;
using Prometheus;

namespace NovaPulse.Infrastructure.Metrics;

/// <summary>
/// Outbox backlog and parking gauges, read from the database when Prometheus scrapes (no polling loop); counters of
/// parkings and pruned rows, kept by this process.
/// </summary>
public static class OutboxMetrics
{
    private static readonly Gauge Backlog = Prometheus.Metrics.CreateGauge(
        "novapulse_outbox_backlog", "Outbox events not yet processed (parked ones excluded).");

    private static readonly Gauge OldestAge = Prometheus.Metrics.CreateGauge(
        "novapulse_outbox_oldest_age_seconds", "Age of the oldest unprocessed outbox event that is not parked.");

    private static readonly Gauge ParkedNow = Prometheus.Metrics.CreateGauge(
        "novapulse_outbox_parked", "Outbox events parked (dead-lettered) after failing Outbox:MaxAttempts times.");

    private static readonly Counter Parkings = Prometheus.Metrics.CreateCounter(
        "novapulse_outbox_parked_total", "Outbox events this process parked.");

    private static readonly Counter Pruned = Prometheus.Metrics.CreateCounter(
        "novapulse_retention_pruned_total", "Rows the retention worker deleted, by kind.", "kind");

    public static void CountParked() => Parkings.Inc();

    /// <summary><paramref name="kind"/>: <c>outbox</c> (processed events) or <c>idempotency</c> (expired keys).</summary>
    public static void CountPruned(string kind, int rows) => Pruned.WithLabels(kind).Inc(rows);

    public static void Register(IServiceProvider services, TimeProvider clock) =>
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(async cancellationToken =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unprocessed = db.OutboxMessages.IgnoreQueryFilters().Where(m => m.ProcessedAt == null);
            var pending = unprocessed.Where(m => m.ParkedAt == null);
            Backlog.Set(await pending.CountAsync(cancellationToken));
            ParkedNow.Set(await unprocessed.CountAsync(m => m.ParkedAt != null, cancellationToken));
            var oldest = await pending.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
            OldestAge.Set(oldest is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0);
        });
}
