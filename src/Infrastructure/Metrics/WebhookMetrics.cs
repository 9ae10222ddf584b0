using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Persistence;
using Prometheus;

namespace NovaPulse.Infrastructure.Metrics;

/// <summary>Webhook deliveries by outcome, attempt latency, and the pending backlog (size and age, read at scrape time).</summary>
public static class WebhookMetrics
{
    private static readonly Counter Deliveries = Prometheus.Metrics.CreateCounter(
        "novapulse_webhook_deliveries_total", "Webhook delivery attempts by outcome.", "outcome");

    private static readonly Histogram AttemptDuration = Prometheus.Metrics.CreateHistogram(
        "novapulse_webhook_attempt_duration_seconds", "Duration of webhook HTTP attempts.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 13) });

    private static readonly Gauge Backlog = Prometheus.Metrics.CreateGauge(
        "novapulse_webhook_delivery_backlog", "Pending webhook deliveries (due now or scheduled for retry).");

    private static readonly Gauge OldestDueAge = Prometheus.Metrics.CreateGauge(
        "novapulse_webhook_delivery_oldest_due_age_seconds", "How overdue the most overdue pending delivery is.");

    public static void RecordOutcome(string outcome) => Deliveries.WithLabels(outcome).Inc();

    public static void RecordAttempt(TimeSpan duration) => AttemptDuration.Observe(duration.TotalSeconds);

    public static void Register(IServiceProvider services, TimeProvider clock) =>
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(async cancellationToken =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == WebhookDeliveryStatus.Pending);
            Backlog.Set(await pending.CountAsync(cancellationToken));
            var now = clock.GetUtcNow();
            var oldest = await pending.Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt)
                .Select(d => d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
            OldestDueAge.Set(oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
        });
}
