using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Billing;

/// <summary>A Stripe invoice mirrored for the company's billing history.</summary>
public sealed class Invoice : Entity, ITenantOwned
{
    private Invoice()
    {
    }

    public Guid CompanyId { get; private set; }

    public string StripeInvoiceId { get; private set; } = "";

    public string? Number { get; private set; }

    /// <summary>Stripe's invoice status: <c>draft</c>, <c>open</c>, <c>paid</c>, <c>uncollectible</c>, <c>void</c>.</summary>
    public string Status { get; private set; } = "draft";

    /// <summary>Amounts in the currency's smallest unit (cents).</summary>
    public long AmountDue { get; private set; }

    public long AmountPaid { get; private set; }

    public string Currency { get; private set; } = "usd";

    public DateTimeOffset PeriodStart { get; private set; }

    public DateTimeOffset PeriodEnd { get; private set; }

    public string? HostedInvoiceUrl { get; private set; }

    public string? InvoicePdfUrl { get; private set; }

    /// <summary>When Stripe created the invoice; the history's order.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public static Invoice Create(Guid companyId, InvoiceChange change)
    {
        var invoice = new Invoice { CompanyId = companyId, StripeInvoiceId = change.StripeInvoiceId, CreatedAt = change.CreatedAt };
        invoice.Apply(change);
        return invoice;
    }

    /// <summary>Takes Stripe's current state; the move to <c>paid</c> raises <c>invoice.paid</c> once.</summary>
    public void Apply(InvoiceChange change)
    {
        var becamePaid = change.Status == "paid" && Status != "paid";
        Number = change.Number;
        Status = change.Status;
        AmountDue = change.AmountDue;
        AmountPaid = change.AmountPaid;
        Currency = change.Currency;
        PeriodStart = change.PeriodStart;
        PeriodEnd = change.PeriodEnd;
        HostedInvoiceUrl = change.HostedInvoiceUrl;
        InvoicePdfUrl = change.InvoicePdfUrl;
        if (becamePaid)
        {
            Raise(new InvoicePaid(Snapshot()));
        }
    }

    /// <summary>Stripe reported a failed collection attempt (it retries on its own schedule).</summary>
    public void RecordPaymentFailure() => Raise(new InvoicePaymentFailed(Snapshot()));

    private InvoiceSnapshot Snapshot() =>
        new(StripeInvoiceId, Number, AmountDue, AmountPaid, Currency, Status, HostedInvoiceUrl, PeriodStart, PeriodEnd);
}

/// <summary>Stripe's state of an invoice.</summary>
public sealed record InvoiceChange(
    string StripeInvoiceId, string? Number, string Status, long AmountDue, long AmountPaid, string Currency,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string? HostedInvoiceUrl, string? InvoicePdfUrl, DateTimeOffset CreatedAt);
