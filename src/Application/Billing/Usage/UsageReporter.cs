using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Usage;

/// <summary>
/// Sends recorded usage to Stripe as Billing Meter events. Pending records of companies with a Stripe customer are
/// first grouped per (company, metric) into batches whose ids are committed before anything is sent; each batch is
/// then sent with its id as the meter event identifier. A crash after sending and before marking re-sends the same
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
        var unsent = await db.UsageRecords.IgnoreQueryFilters()
            .Where(r => r.BatchId != null && r.ReportedAt == null)
            .OrderBy(r => r.RecordedAt)
            .Take(BatchLimit * 10)
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
        var pending = await db.UsageRecords.IgnoreQueryFilters()
            .Where(r => r.BatchId == null && billable.Contains(r.CompanyId))
            .OrderBy(r => r.RecordedAt)
            .Take(BatchLimit)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var group in pending.GroupBy(r => (r.CompanyId, r.Metric)))
        {
            var batchId = Guid.CreateVersion7();
            foreach (var record in group)
            {
                record.AssignBatch(batchId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Usage batch {BatchId} ({Metric}) has no meter or no Stripe customer; left unreported")]
    private partial void LogUnreportable(Guid batchId, string metric);
}
