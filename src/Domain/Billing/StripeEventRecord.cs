namespace NovaPulse.Domain.Billing;

/// <summary>
/// A Stripe webhook event that was processed, keyed by Stripe's event id: stored in the same transaction as its
/// effects, so each event applies exactly once and a replay is recognised.
/// </summary>
public sealed class StripeEventRecord
{
    public const int IdMaxLength = 255;

    private StripeEventRecord()
    {
    }

    public string Id { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The company the event concerned, if it matched one.</summary>
    public Guid? CompanyId { get; private set; }

    /// <summary>When Stripe created the event.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }

    public static StripeEventRecord Create(string id, string type, Guid? companyId, DateTimeOffset createdAt, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type,
        CompanyId = companyId,
        CreatedAt = createdAt,
        ProcessedAt = now,
    };
}
