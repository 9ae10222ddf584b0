using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.UnitTests.Billing;

/// <summary>
/// Stripe as the billing use cases see it, without the network: it answers from <see cref="Subscriptions"/> and
/// <see cref="NextWebhook"/>, and remembers what it was asked so tests can check what reached the provider.
/// </summary>
public sealed class FakePaymentGateway : IPaymentGateway
{
    public bool IsConfigured { get; set; } = true;

    public bool CanVerifyWebhooks { get; set; } = true;

    public Dictionary<string, PaymentSubscription> Subscriptions { get; } = [];

    /// <summary>The event the next verified webhook body reads as.</summary>
    public PaymentEvent? NextWebhook { get; set; }

    public List<string> Calls { get; } = [];

    public CheckoutRequest? LastCheckout { get; private set; }

    public Task<string> CreateCustomerAsync(Guid companyId, string companyName, string? email, CancellationToken cancellationToken)
    {
        Calls.Add($"customer {companyName} {email}");
        return Task.FromResult($"cus_{companyId:N}");
    }

    public Task<CheckoutSessionResult> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"checkout {request.CustomerId}");
        LastCheckout = request;
        return Task.FromResult(new CheckoutSessionResult("cs_test_1", "https://checkout.stripe.test/cs_test_1"));
    }

    public Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, CancellationToken cancellationToken)
    {
        Calls.Add($"portal {customerId} {returnUrl}");
        return Task.FromResult("https://billing.stripe.test/session");
    }

    public Task<PaymentSubscription> CancelSubscriptionAsync(string subscriptionId, bool atPeriodEnd, CancellationToken cancellationToken)
    {
        Calls.Add($"cancel {subscriptionId} atPeriodEnd={atPeriodEnd}");
        var current = Subscriptions[subscriptionId];
        var cancelled = atPeriodEnd ? current with { CancelAtPeriodEnd = true } : current with { Status = "canceled" };
        Subscriptions[subscriptionId] = cancelled;
        return Task.FromResult(cancelled);
    }

    public Task<PaymentSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(Subscriptions[subscriptionId]);

    public Task<IReadOnlyList<PaymentSubscription>> ListSubscriptionsAsync(string customerId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only the reconciler lists subscriptions.");

    public Task<IReadOnlyList<PaymentInvoice>> ListRecentInvoicesAsync(string customerId, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only the reconciler lists invoices.");

    public Task ReportMeterEventAsync(
        string eventName, string customerId, long value, string identifier, DateTimeOffset timestamp, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only the usage reporter sends meter events.");

    public PaymentEvent ParseWebhook(string payload, string signatureHeader) =>
        NextWebhook ?? throw new InvalidOperationException("The test set no webhook event.");
}
