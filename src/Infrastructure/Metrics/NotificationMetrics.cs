using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Domain.Integrations;
using NovaPulse.Infrastructure.Persistence;
using Prometheus;

namespace NovaPulse.Infrastructure.Metrics;

/// <summary>Integration notifications by outcome, and the pending backlog (size and age, read at scrape time).</summary>
public static class NotificationMetrics
{
    private static readonly Counter Notifications = Prometheus.Metrics.CreateCounter(
        "novapulse_integration_notifications_total", "Integration notification attempts by outcome (sent, retrying, failed, abandoned).", "outcome");

    private static readonly Gauge Backlog = Prometheus.Metrics.CreateGauge(
        "novapulse_integration_notification_backlog", "Pending integration notifications (due now or scheduled for retry).");

    private static readonly Gauge OldestDueAge = Prometheus.Metrics.CreateGauge(
        "novapulse_integration_notification_oldest_due_age_seconds", "How overdue the most overdue pending notification is.");

    public static void RecordOutcome(string outcome) => Notifications.WithLabels(outcome).Inc();

    public static void Register(IServiceProvider services, TimeProvider clock) =>
        Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(async cancellationToken =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = db.IntegrationNotifications.IgnoreQueryFilters().Where(n => n.Status == IntegrationNotificationStatus.Pending);
            Backlog.Set(await pending.CountAsync(cancellationToken));
            var now = clock.GetUtcNow();
            var oldest = await pending.Where(n => n.NextAttemptAt <= now).OrderBy(n => n.NextAttemptAt)
                .Select(n => n.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
            OldestDueAge.Set(oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
        });
}
