namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// Wakes an idle worker early when this process just produced work for it (a commit wrote outbox events, the outbox
/// processor staged deliveries), so latency is not bound by the poll interval. Work from other instances is found by
/// polling. One keyed singleton per worker.
/// </summary>
public sealed class WorkSignal : IDisposable
{
    /// <summary>Key of the signal the outbox processor waits on.</summary>
    public const string Outbox = "outbox";

    /// <summary>Key of the signal the webhook delivery worker waits on.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>Key of the signal the integration notification worker waits on.</summary>
    public const string Notifications = "notifications";

    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
