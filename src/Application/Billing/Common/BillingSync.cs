using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Applies Stripe's state (from webhooks or the reconciler) to the company that owns the Stripe customer, and to
/// no other: rows are found by customer id, never by ids taken from metadata. Runs without a tenant, so it lifts the
/// tenant filter explicitly and checks ownership itself. The caller saves.
/// </summary>
public sealed class BillingSync(IAppDbContext db, IPaymentGateway gateway, PlanCatalog catalog, TimeProvider clock)
{
    public async Task<CompanySubscription?> AccountOfCustomerAsync(string? customerId, CancellationToken cancellationToken) =>
        customerId is null
            ? null
            : await db.CompanySubscriptions.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.StripeCustomerId == customerId, cancellationToken);

    /// <summary>Applies a subscription's state as of <paramref name="asOf"/>; the company's plan follows it.</summary>
    public async Task<Guid?> ApplySubscriptionAsync(PaymentSubscription subscription, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var account = await AccountOfCustomerAsync(subscription.CustomerId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        // A company has one subscription: an event about an older, replaced one must not overwrite the current one.
        if (account.StripeSubscriptionId is { } current && current != subscription.Id && subscription.Status is "canceled" or "incomplete_expired")
        {
            return account.CompanyId;
        }

        var planId = catalog.ForSubscription(subscription)?.Id ?? account.PlanId;
        var change = new SubscriptionChange(
            subscription.Id, planId, subscription.Status, subscription.CurrentPeriodEnd, subscription.CancelAtPeriodEnd,
            subscription.PaymentMethodBrand, subscription.PaymentMethodLast4);
        if (account.Apply(change, asOf, clock.GetUtcNow()))
        {
            var company = await db.Companies.SingleAsync(c => c.Id == account.CompanyId, cancellationToken);
            company.ChangePlan(account.PlanId);
        }

        return account.CompanyId;
    }

    /// <summary>Creates or updates the invoice of the customer's company; <paramref name="paymentFailed"/> emits invoice.payment_failed.</summary>
    public async Task<Guid?> ApplyInvoiceAsync(PaymentInvoice invoice, bool paymentFailed, CancellationToken cancellationToken)
    {
        var account = await AccountOfCustomerAsync(invoice.CustomerId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var change = new InvoiceChange(
            invoice.Id, invoice.Number, invoice.Status, invoice.AmountDue, invoice.AmountPaid, invoice.Currency,
            invoice.PeriodStart, invoice.PeriodEnd, invoice.HostedInvoiceUrl, invoice.InvoicePdfUrl, invoice.CreatedAt);
        var existing = db.Invoices.Local.FirstOrDefault(i => i.StripeInvoiceId == invoice.Id)
            ?? await db.Invoices.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.StripeInvoiceId == invoice.Id, cancellationToken);
        if (existing is null)
        {
            existing = Invoice.Create(account.CompanyId, change);
            db.Invoices.Add(existing);
        }
        else if (existing.CompanyId != account.CompanyId)
        {
            // Stripe invoice ids are global: one already held by another company is never rewritten.
            return null;
        }
        else
        {
            existing.Apply(change);
        }

        if (paymentFailed)
        {
            existing.RecordPaymentFailure();
        }

        return account.CompanyId;
    }

    /// <summary>
    /// Checkout finished: read the new subscription from Stripe at once, so the plan applies even if its own
    /// events are late or lost.
    /// </summary>
    public async Task<Guid?> ApplyCheckoutAsync(PaymentCheckoutCompleted checkout, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var account = await AccountOfCustomerAsync(checkout.CustomerId, cancellationToken);
        if (account is null || checkout.SubscriptionId is null)
        {
            return account?.CompanyId;
        }

        var subscription = await gateway.GetSubscriptionAsync(checkout.SubscriptionId, cancellationToken);
        return subscription.CustomerId == account.StripeCustomerId
            ? await ApplySubscriptionAsync(subscription, asOf, cancellationToken)
            : account.CompanyId;
    }
}
