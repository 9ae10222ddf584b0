namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// Tells the other hosts of this deployment that something they may hold in a per-host cache changed (an API key was
/// revoked, a member's role changed), so they evict it now instead of when its lifetime ends. Best effort: a notice
/// that cannot be sent is logged, never thrown, and the cache lifetime stays the bound (docs/ARCHITECTURE.md).
/// </summary>
public interface IClusterNotifier
{
    /// <summary>Sends the notice; awaited, so the other hosts have it queued before the caller's response is sent.</summary>
    Task NotifyAsync(string kind, Guid id, CancellationToken cancellationToken);
}
