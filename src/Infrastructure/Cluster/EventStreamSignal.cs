using System.Collections.Concurrent;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Wakes the open event streams of one company in this process when that company's outbox events were committed here
/// or on another host; a commit of one company wakes no other company's streams (each woken stream reads the database).
/// A stream takes <see cref="Next"/> before it reads, then waits on it: a commit between its read and its wait still
/// wakes it.
/// </summary>
public sealed class EventStreamSignal
{
    // One pending wake-up per company with a stream waiting; a notice takes it out and completes it.
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _next = new();

    /// <summary>Completes at the next commit of <paramref name="companyId"/>'s events.</summary>
    public Task Next(Guid companyId) =>
        _next.GetOrAdd(companyId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(Guid companyId)
    {
        if (_next.TryRemove(companyId, out var next))
        {
            next.TrySetResult();
        }
    }

    /// <summary>Every company's streams: after the cluster channel was down, what was announced meanwhile is unknown.</summary>
    public void NotifyAll()
    {
        foreach (var companyId in _next.Keys)
        {
            Notify(companyId);
        }
    }
}
