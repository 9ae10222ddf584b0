using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Usage;

/// <summary>
/// Sends recorded usage to Stripe as Billing Meter events. Pending records of companies with a Stripe customer are
/// first grouped per (company, metric) into batches whose ids are committed before anything is sent; each batch is
/// then sent with its id as the meter event identifier (and idempotency key), so instances sending the same batch at
/// once are deduplicated by Stripe too. A crash after sending and before marking re-sends the same
/// identifier, which Stripe ignores: usage is never reported twice. Usage of companies without a customer (Free)
/// waits, unreported.
/// </summary>
public sealed partial class UsageReporter(
    IAppDbContext db, IPaymentGateway gateway, PlanCatalog catalog, TimeProvider clock, ILogger<UsageReporter> logger)
{
    /// <summary>Records batched per run, so one pass stays bounded.</summary>
    public const int BatchLimit = 1000;

    /// <summary>The meter event identifier of a batch.</summary>
    public static string IdentifierOf(Guid batchId) => $"np_usage_{batchId:N}";

    /// <summary>Batches pending usage, then sends every unsent batch; returns how many batches were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!gateway.IsConfigured)
        {
            return 0;
        }

        await AssignBatchesAsync(cancellationToken);
        var customers = await db.CompanySubscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.StripeCustomerId != null)
            .ToDictionaryAsync(s => s.CompanyId, s => s.StripeCustomerId!, cancellationToken);
        // Whole batches only: a batch sent in part would lose the rest, as its identifier is then spent.
        var batchIds = await db.UsageRecords.IgnoreQueryFilters()
            .Where(r => r.BatchId != null && r.ReportedAt == null)
            .Select(r => r.BatchId!.Value)
            .Distinct()
            .Take(BatchLimit)
            .ToListAsync(cancellationToken);
        var unsent = await db.UsageRecords.IgnoreQueryFilters()
            .Where(r => r.BatchId != null && batchIds.Contains(r.BatchId.Value) && r.ReportedAt == null)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var batch in unsent.GroupBy(r => r.BatchId!.Value))
        {
            var first = batch.First();
            if (!catalog.Meters.TryGetValue(first.Metric, out var eventName) || !customers.TryGetValue(first.CompanyId, out var customerId))
            {
                LogUnreportable(batch.Key, first.Metric);
                continue;
            }

            var now = clock.GetUtcNow();
            // Stripe accepts timestamps up to 35 days back; a batch held back longer by an outage is reported as of its oldest allowed time.
            var timestamp = batch.Max(r => r.Timestamp);
            var oldest = now - RecordUsageCommandValidator.MaxAge + TimeSpan.FromHours(1);
            await gateway.ReportMeterEventAsync(
                eventName, customerId, batch.Sum(r => r.Quantity), IdentifierOf(batch.Key), timestamp < oldest ? oldest : timestamp, cancellationToken);
            foreach (var record in batch)
            {
                record.MarkReported(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    private async Task AssignBatchesAsync(CancellationToken cancellationToken)
    {
        var billable = db.CompanySubscriptions.IgnoreQueryFilters().Where(s => s.StripeCustomerId != null).Select(s => s.CompanyId);
        var pending = await db.UsageRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.BatchId == null && billable.Contains(r.CompanyId))
            .OrderBy(r => r.RecordedAt)
            .Take(BatchLimit)
            .Select(r => new { r.Id, r.CompanyId, r.Metric })
            .ToListAsync(cancellationToken);
        foreach (var group in pending.GroupBy(r => (r.CompanyId, r.Metric)))
        {
            var ids = group.Select(r => r.Id).ToList();
            var batchId = Guid.CreateVersion7();
            // Conditional, so two reporter instances never put one record into two batches: a record already taken stays in its batch.
            await db.UsageRecords.IgnoreQueryFilters()
                .Where(r => ids.Contains(r.Id) && r.BatchId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.BatchId, batchId), cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Usage batch {BatchId} ({Metric}) has no meter or no Stripe customer; left unreported")]
    private partial void LogUnreportable(Guid batchId, string metric);
}
