using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Billing;

/// <summary>Payload of <c>invoice.paid</c> and <c>invoice.payment_failed</c> (the id is Stripe's).</summary>
public sealed record InvoiceSnapshot(
    string Id, string? Number, long AmountDue, long AmountPaid, string Currency, string Status, string? HostedInvoiceUrl,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);

public sealed record InvoicePaid(InvoiceSnapshot Invoice) : IDomainEvent;

public sealed record InvoicePaymentFailed(InvoiceSnapshot Invoice) : IDomainEvent;
