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
    /// <summary>A commit wrote outbox events.</summary>
    public void EventsCommitted()
    {
        outbox.Notify();
        streams.Notify();
        cluster.Signal(ClusterNotice.Outbox);
    }

    /// <summary>The outbox processor committed what its consumers staged (webhook deliveries, integration notifications).</summary>
    public void EventsConsumed()
    {
        deliveries.Notify();
        notifications.Notify();
        cluster.Signal(ClusterNotice.Deliveries);
    }

    /// <summary>Another host announced work; returns false for a kind that is not a wake-up.</summary>
    public bool Received(string kind)
    {
        switch (kind)
        {
            case ClusterNotice.Outbox:
                outbox.Notify();
                streams.Notify();
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
        streams.Notify();
    }
}
