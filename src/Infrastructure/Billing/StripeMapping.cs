using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Infrastructure.Billing;

/// <summary>Stripe.net objects -> the payment gateway's provider-neutral records.</summary>
internal static class StripeMapping
{
    public static PaymentSubscription ToPayment(this Stripe.Subscription s)
    {
        var items = s.Items?.Data ?? [];
        var card = s.DefaultPaymentMethod?.Card;
        return new PaymentSubscription(
            s.Id, s.CustomerId, s.Status, [.. items.Where(i => i.Price is not null).Select(i => i.Price.Id)],
            items.Count > 0 ? Utc(items.Max(i => i.CurrentPeriodEnd)) : null, s.CancelAtPeriodEnd, card?.Brand, card?.Last4,
            s.Metadata?.GetValueOrDefault("plan_id"));
    }

    public static PaymentInvoice ToPayment(this Stripe.Invoice i) => new(
        i.Id, i.CustomerId, i.Number, i.Status ?? "draft", i.AmountDue, i.AmountPaid, i.Currency ?? "usd",
        Utc(i.PeriodStart), Utc(i.PeriodEnd), i.HostedInvoiceUrl, i.InvoicePdf, Utc(i.Created));

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
