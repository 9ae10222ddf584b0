using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// SQLite (one process) and SQL Server (no notification channel here): nothing to tell. Other hosts find work by
/// polling and see cache changes when the entries' lifetime ends.
/// </summary>
public sealed class SingleHostNotifier : IClusterBroadcast, IClusterNotifier
{
    public static readonly SingleHostNotifier Instance = new();

    public void Signal(string kind, Guid? id = null)
    {
    }

    public Task NotifyAsync(string kind, Guid id, CancellationToken cancellationToken) => Task.CompletedTask;
}
