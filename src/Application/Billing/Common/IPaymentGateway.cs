using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// The payment provider (Stripe). Calls that reach it fail with <see cref="AppException.PaymentProvider"/>
/// (502/503), and with <see cref="AppException.BillingNotConfigured"/> (409) when it is not configured.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>A secret key is configured: paid operations can reach the provider.</summary>
    bool IsConfigured { get; }

    /// <summary>A webhook signing secret is configured.</summary>
    bool CanVerifyWebhooks { get; }

    /// <summary>Creates the company's customer; retried calls for the same company return the same customer.</summary>
    Task<string> CreateCustomerAsync(Guid companyId, string companyName, string? email, CancellationToken cancellationToken);

    Task<CheckoutSessionResult> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken cancellationToken);

    Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, CancellationToken cancellationToken);

    Task<PaymentSubscription> CancelSubscriptionAsync(string subscriptionId, bool atPeriodEnd, CancellationToken cancellationToken);

    Task<PaymentSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>The customer's subscriptions in any status, newest first.</summary>
    Task<IReadOnlyList<PaymentSubscription>> ListSubscriptionsAsync(string customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentInvoice>> ListRecentInvoicesAsync(string customerId, int count, CancellationToken cancellationToken);

    /// <summary>Sends a Billing Meter event; Stripe ignores a second event with the same <paramref name="identifier"/>.</summary>
    Task ReportMeterEventAsync(string eventName, string customerId, long value, string identifier, DateTimeOffset timestamp, CancellationToken cancellationToken);

    /// <summary>Verifies the <c>Stripe-Signature</c> of a raw webhook body and reads the event; 400 when either is bad.</summary>
    PaymentEvent ParseWebhook(string payload, string signatureHeader);
}

/// <summary>A subscription Checkout: the plan's fee (quantity 1) and its metered price, if any (no quantity).</summary>
public sealed record CheckoutRequest(
    Guid CompanyId, string PlanId, string CustomerId, CheckoutPrice Price, string? MeteredPriceId, string SuccessUrl, string CancelUrl);

/// <summary>
/// The plan's fee: its Stripe price when one is configured, else sold inline from the configured amount, currency and
/// interval (Checkout <c>price_data</c>), so a Stripe key alone is enough to sell the configured plans.
/// </summary>
public sealed record CheckoutPrice(string? StripePriceId, string ProductName, long UnitAmount, string Currency, string Interval)
{
    public static CheckoutPrice Of(PlanDefinition plan) => new(
        string.IsNullOrWhiteSpace(plan.StripePriceId) ? null : plan.StripePriceId, plan.Name, plan.MonthlyPrice, plan.Currency, plan.Interval);
}

public sealed record CheckoutSessionResult(string SessionId, string Url);

/// <summary>A subscription; <see cref="PlanId"/> is the <c>plan_id</c> Checkout stamped into its metadata (null for others).</summary>
public sealed record PaymentSubscription(
    string Id, string CustomerId, string Status, IReadOnlyList<string> PriceIds, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd,
    string? PaymentMethodBrand, string? PaymentMethodLast4, string? PlanId);

public sealed record PaymentInvoice(
    string Id, string CustomerId, string? Number, string Status, long AmountDue, long AmountPaid, string Currency,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string? HostedInvoiceUrl, string? InvoicePdfUrl, DateTimeOffset CreatedAt);

public sealed record PaymentCheckoutCompleted(string SessionId, string? CustomerId, string? SubscriptionId);

/// <summary>A verified webhook event; <see cref="Data"/> is a subscription, invoice or checkout session, or null for other types.</summary>
public sealed record PaymentEvent(string Id, string Type, DateTimeOffset CreatedAt, object? Data);
