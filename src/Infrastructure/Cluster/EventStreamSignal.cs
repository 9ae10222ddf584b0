namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Wakes every open event stream of this process at once when outbox events were committed here or on another host.
/// A stream takes <see cref="Next"/> before it reads, then waits on it: a commit between its read and its wait still
/// wakes it.
/// </summary>
public sealed class EventStreamSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
