using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Idempotency;
using NovaPulse.Infrastructure.Metrics;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// Deletes what is kept only for a while: processed outbox events older than <c>Outbox:Retention</c> (parked and
/// unprocessed ones stay), idempotency records past their 24 hours, lapsed event stream leases, and sign-in failure
/// counters untouched for <see cref="SignInFailureRetention"/> and not locked (every unknown email tried leaves one, so
/// without an end a guesser could grow the table for ever; a day-old failure no longer counts). Each statement
/// deletes at most <c>Outbox:PruneBatchSize</c> rows by id, so no pass holds long locks; several hosts may run it at once,
/// since deleting a row twice is a no-op.
/// </summary>
public sealed class RetentionPruner(AppDbContext db, IOptions<OutboxSettings> options, TimeProvider clock)
{
    public static readonly TimeSpan SignInFailureRetention = TimeSpan.FromDays(1);

    /// <summary>One pass; returns how many rows it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var processedBefore = now - options.Value.Retention;
        var createdBefore = now - EfIdempotencyStore.Retention;
        var events = db.OutboxMessages.IgnoreQueryFilters().Where(m => m.ProcessedAt != null && m.ProcessedAt < processedBefore);
        var outbox = await InBatchesAsync(
            n => events.OrderBy(m => m.Id).Select(m => m.Id).Take(n).ToListAsync(cancellationToken),
            ids => events.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken));
        OutboxMetrics.CountPruned("outbox", outbox);

        var records = db.IdempotencyRecords.Where(r => r.CreatedAt < createdBefore);
        var keys = await InBatchesAsync(
            n => records.OrderBy(r => r.Id).Select(r => r.Id).Take(n).ToListAsync(cancellationToken),
            ids => records.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken));
        OutboxMetrics.CountPruned("idempotency", keys);

        var lapsed = db.EventStreamLeases.IgnoreQueryFilters().Where(l => l.ExpiresAt <= now);
        var leases = await InBatchesAsync(
            n => lapsed.OrderBy(l => l.Id).Select(l => l.Id).Take(n).ToListAsync(cancellationToken),
            ids => lapsed.Where(l => ids.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken));
        OutboxMetrics.CountPruned("event_stream_lease", leases);

        var failedBefore = now - SignInFailureRetention;
        var stale = db.SignInFailures.Where(f => f.LastFailedAt < failedBefore && (f.LockedUntil == null || f.LockedUntil <= now));
        var failures = await InBatchesAsync(
            n => stale.OrderBy(f => f.Id).Select(f => f.Id).Take(n).ToListAsync(cancellationToken),
            ids => stale.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken));
        OutboxMetrics.CountPruned("sign_in_failure", failures);
        return outbox + keys + leases + failures;
    }

    /// <summary>
    /// Reads up to a batch of ids, deletes them (the delete re-checks the condition, so a row requeued since the read is
    /// kept), and goes on until a batch comes back short.
    /// </summary>
    private async Task<int> InBatchesAsync(Func<int, Task<List<Guid>>> next, Func<List<Guid>, Task<int>> delete)
    {
        var total = 0;
        var batchSize = options.Value.PruneBatchSize;
        while (true)
        {
            var ids = await next(batchSize);
            if (ids.Count > 0)
            {
                total += await delete(ids);
            }

            if (ids.Count < batchSize)
            {
                return total;
            }
        }
    }
}
