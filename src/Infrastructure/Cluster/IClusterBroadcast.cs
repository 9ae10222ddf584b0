namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Wakes the other hosts' workers or event streams (<see cref="ClusterNotice.Outbox"/>, <see cref="ClusterNotice.Deliveries"/>).
/// Fire and forget: called on the commit path, so it only queues; a lost wake-up costs one poll interval, never work.
/// </summary>
public interface IClusterBroadcast
{
    void Signal(string kind, Guid? id = null);
}
