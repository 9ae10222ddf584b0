using NovaPulse.Domain.Billing;

namespace NovaPulse.Application.Billing.Invoices;

/// <summary>An invoice; amounts in the currency's smallest unit, URLs are Stripe's hosted page and PDF.</summary>
public sealed record InvoiceDto(
    Guid Id, string StripeInvoiceId, string? Number, string Status, long AmountDue, long AmountPaid, string Currency,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string? HostedInvoiceUrl, string? InvoicePdfUrl, DateTimeOffset CreatedAt)
{
    public static InvoiceDto From(Invoice i) => new(
        i.Id, i.StripeInvoiceId, i.Number, i.Status, i.AmountDue, i.AmountPaid, i.Currency, i.PeriodStart, i.PeriodEnd,
        i.HostedInvoiceUrl, i.InvoicePdfUrl, i.CreatedAt);
}
