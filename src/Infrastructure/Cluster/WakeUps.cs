using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Who is woken when work appears: this process's workers and event streams at once, the other hosts' through the
/// cluster broadcast (PostgreSQL NOTIFY; nothing elsewhere, where they poll).
/// </summary>
public sealed class WakeUps(
    [FromKeyedServices(WorkSignal.Outbox)] WorkSignal outbox, [FromKeyedServices(WorkSignal.Deliveries)] WorkSignal deliveries,
    [FromKeyedServices(WorkSignal.Notifications)] WorkSignal notifications, EventStreamSignal streams, IClusterBroadcast cluster)
{
    /// <summary>A commit wrote outbox events of <paramref name="companies"/>.</summary>
    public void EventsCommitted(IEnumerable<Guid> companies)
    {
        outbox.Notify();
        cluster.Signal(ClusterNotice.Outbox);
        foreach (var companyId in companies)
        {
            streams.Notify(companyId);
            cluster.Signal(ClusterNotice.Events, companyId);
        }
    }

    /// <summary>The outbox processor committed what its consumers staged (webhook deliveries, integration notifications).</summary>
    public void EventsConsumed()
    {
        deliveries.Notify();
        notifications.Notify();
        cluster.Signal(ClusterNotice.Deliveries);
    }

    /// <summary>Another host announced work; returns false for a notice that is not a wake-up.</summary>
    public bool Received(ClusterNotice notice)
    {
        switch (notice.Kind)
        {
            case ClusterNotice.Outbox:
                outbox.Notify();
                return true;
            case ClusterNotice.Events when notice.Id is { } companyId:
                streams.Notify(companyId);
                return true;
            case ClusterNotice.Deliveries:
                deliveries.Notify();
                notifications.Notify();
                return true;
            default:
                return false;
        }
    }

    /// <summary>After the channel was down: whatever was announced meanwhile is looked for now, not at the next poll.</summary>
    public void All()
    {
        outbox.Notify();
        deliveries.Notify();
        notifications.Notify();
        streams.NotifyAll();
    }
}
