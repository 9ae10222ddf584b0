namespace NovaPulse.Infrastructure.Persistence.Claims;

/// <summary>
/// Claims rows for one worker with a lease (<c>LockedUntil</c>), so several host instances share the work without two
/// of them taking the same row; a row whose lease expired (crashed worker) can be claimed again. Provider-specific SQL:
/// PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, SQL Server <c>UPDLOCK, READPAST</c>, SQLite a conditional UPDATE (one process).
/// Claims are fair across companies: a batch takes every company's most overdue row before anyone's second, so one
/// company's backlog delays another's first row by at most one batch.
/// </summary>
public interface IWorkClaimer
{
    /// <summary>Unprocessed outbox events that are not parked, oldest first within a company.</summary>
    Task<IReadOnlyList<Guid>> ClaimOutboxAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Pending webhook deliveries whose next attempt is due, most overdue first within a company.</summary>
    Task<IReadOnlyList<Guid>> ClaimDeliveriesAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Pending integration notifications that are due, at most <paramref name="perCompany"/> of one company.</summary>
    Task<IReadOnlyList<Guid>> ClaimNotificationsAsync(
        AppDbContext db, int max, int perCompany, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);
}
