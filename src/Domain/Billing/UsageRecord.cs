using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Billing;

/// <summary>
/// Metered usage recorded by the company. The usage reporter groups pending records into a batch (persisting the
/// batch id first) and sends each batch to Stripe once, with the batch id as the meter event's identifier.
/// </summary>
public sealed class UsageRecord : Entity, ITenantOwned
{
    public const int MetricMaxLength = 64;
    public const int IdempotencyKeyMaxLength = 255;

    private UsageRecord()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Metric { get; private set; } = "";

    public long Quantity { get; private set; }

    /// <summary>When the usage happened.</summary>
    public DateTimeOffset Timestamp { get; private set; }

    /// <summary>The caller's key: a second record with the same key is the first one.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The meter-event batch this record belongs to; set once (by the reporter's conditional update) before anything is sent.</summary>
    public Guid? BatchId { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public static UsageRecord Create(Guid companyId, string metric, long quantity, DateTimeOffset timestamp, string? idempotencyKey, DateTimeOffset now)
    {
        if (quantity <= 0)
        {
            throw new DomainRuleException("invalid_quantity", "Usage quantity must be positive.");
        }

        return new UsageRecord
        {
            CompanyId = companyId,
            Metric = metric,
            Quantity = quantity,
            Timestamp = timestamp,
            IdempotencyKey = idempotencyKey,
            RecordedAt = now,
        };
    }

    public void MarkReported(DateTimeOffset now) => ReportedAt ??= now;
}
