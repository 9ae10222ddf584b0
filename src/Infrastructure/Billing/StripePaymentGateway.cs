using System.Globalization;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using Polly.CircuitBreaker;
using Stripe;
using Stripe.Billing;

namespace NovaPulse.Infrastructure.Billing;

/// <summary>
/// <see cref="IPaymentGateway"/> on Stripe.net, over an <see cref="HttpClient"/> from the factory (per-attempt timeout and
/// circuit breaker). Stripe.net retries failed requests itself with the same <c>Idempotency-Key</c>; creating a customer
/// uses a key derived from the company, so even a retry by a later request reuses the first customer.
/// </summary>
public sealed class StripePaymentGateway(IHttpClientFactory httpClients, IOptionsMonitor<StripeOptions> options, TimeProvider clock) : IPaymentGateway
{
    public const string HttpClientName = "stripe";

    private static readonly HashSet<string> SubscriptionEvents =
        ["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"];

    private static readonly HashSet<string> InvoiceEvents = ["invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_failed"];

    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public bool CanVerifyWebhooks => options.CurrentValue.CanVerifyWebhooks;

    public Task<string> CreateCustomerAsync(Guid companyId, string companyName, string? email, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            var customer = await new CustomerService(client).CreateAsync(
                new CustomerCreateOptions { Name = companyName, Email = email, Metadata = new() { ["company_id"] = companyId.ToString() } },
                new RequestOptions { IdempotencyKey = $"np-customer-{companyId:N}" },
                cancellationToken);
            return customer.Id;
        }, cancellationToken);

    public Task<CheckoutSessionResult> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            var metadata = new Dictionary<string, string> { ["company_id"] = request.CompanyId.ToString(), ["plan_id"] = request.PlanId };
            var lineItems = new List<Stripe.Checkout.SessionLineItemOptions> { FeeLineItem(request.Price, metadata) };
            if (request.MeteredPriceId is { } metered)
            {
                lineItems.Add(new() { Price = metered });
            }

            var session = await new Stripe.Checkout.SessionService(client).CreateAsync(
                new Stripe.Checkout.SessionCreateOptions
                {
                    Mode = "subscription",
                    Customer = request.CustomerId,
                    ClientReferenceId = request.CompanyId.ToString(),
                    LineItems = lineItems,
                    SuccessUrl = request.SuccessUrl,
                    CancelUrl = request.CancelUrl,
                    Metadata = metadata,
                    SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = metadata },
                },
                cancellationToken: cancellationToken);
            return new CheckoutSessionResult(session.Id, session.Url);
        }, cancellationToken);

    public Task<string> CreatePortalSessionAsync(string customerId, string returnUrl, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            var session = await new Stripe.BillingPortal.SessionService(client).CreateAsync(
                new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl }, cancellationToken: cancellationToken);
            return session.Url;
        }, cancellationToken);

    public Task<PaymentSubscription> CancelSubscriptionAsync(string subscriptionId, bool atPeriodEnd, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            var service = new SubscriptionService(client);
            var subscription = atPeriodEnd
                ? await service.UpdateAsync(subscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken: cancellationToken)
                : await service.CancelAsync(subscriptionId, new SubscriptionCancelOptions(), cancellationToken: cancellationToken);
            return subscription.ToPayment();
        }, cancellationToken);

    public Task<PaymentSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            var subscription = await new SubscriptionService(client).GetAsync(
                subscriptionId, new SubscriptionGetOptions { Expand = ["default_payment_method"] }, cancellationToken: cancellationToken);
            return subscription.ToPayment();
        }, cancellationToken);

    public Task<IReadOnlyList<PaymentSubscription>> ListSubscriptionsAsync(string customerId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<PaymentSubscription>>(async client =>
        {
            var page = await new SubscriptionService(client).ListAsync(
                new SubscriptionListOptions { Customer = customerId, Status = "all", Limit = 3, Expand = ["data.default_payment_method"] },
                cancellationToken: cancellationToken);
            return [.. page.Data.Select(s => s.ToPayment())];
        }, cancellationToken);

    public Task<IReadOnlyList<PaymentInvoice>> ListRecentInvoicesAsync(string customerId, int count, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<PaymentInvoice>>(async client =>
        {
            var page = await new InvoiceService(client).ListAsync(new InvoiceListOptions { Customer = customerId, Limit = count }, cancellationToken: cancellationToken);
            return [.. page.Data.Select(i => i.ToPayment())];
        }, cancellationToken);

    public Task ReportMeterEventAsync(string eventName, string customerId, long value, string identifier, DateTimeOffset timestamp, CancellationToken cancellationToken) =>
        CallAsync(async client =>
        {
            await new MeterEventService(client).CreateAsync(
                new MeterEventCreateOptions
                {
                    EventName = eventName,
                    Identifier = identifier,
                    Payload = new Dictionary<string, string> { ["stripe_customer_id"] = customerId, ["value"] = value.ToString(CultureInfo.InvariantCulture) },
                    Timestamp = timestamp.UtcDateTime,
                },
                new RequestOptions { IdempotencyKey = identifier },
                cancellationToken);
            return true;
        }, cancellationToken);

    public PaymentEvent ParseWebhook(string payload, string signatureHeader)
    {
        var settings = options.CurrentValue;
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                payload, signatureHeader, settings.WebhookSecret, settings.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            throw AppException.BadRequest("invalid_signature", "The Stripe-Signature does not match the body, or is too old.");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            throw AppException.BadRequest("malformed_payload", "The webhook body is not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type) || stripeEvent.Id.Length > 255)
        {
            throw AppException.BadRequest("malformed_payload", "The webhook body is not a Stripe event.");
        }

        object? data = stripeEvent.Data?.Object switch
        {
            Subscription s when SubscriptionEvents.Contains(stripeEvent.Type) => s.ToPayment(),
            Invoice i when InvoiceEvents.Contains(stripeEvent.Type) => i.ToPayment(),
            Stripe.Checkout.Session s when stripeEvent.Type == "checkout.session.completed" => new PaymentCheckoutCompleted(s.Id, s.CustomerId, s.SubscriptionId),
            _ => null,
        };
        return new PaymentEvent(stripeEvent.Id, stripeEvent.Type, StripeMapping.Utc(stripeEvent.Created), data);
    }

    /// <summary>
    /// The configured price, or one made inline from the plan's amount, currency and interval. An inline price (and its
    /// product) is new in Stripe at every Checkout, so the plan id travels in the metadata for the webhook to map it back.
    /// </summary>
    private static Stripe.Checkout.SessionLineItemOptions FeeLineItem(CheckoutPrice price, Dictionary<string, string> metadata) =>
        price.StripePriceId is { } priceId
            ? new() { Price = priceId, Quantity = 1 }
            : new()
            {
                Quantity = 1,
                PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
                {
                    Currency = price.Currency,
                    UnitAmount = price.UnitAmount,
                    Recurring = new Stripe.Checkout.SessionLineItemPriceDataRecurringOptions { Interval = price.Interval },
                    ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = price.ProductName, Metadata = metadata },
                },
            };

    private async Task<T> CallAsync<T>(Func<StripeClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            throw AppException.BillingNotConfigured();
        }

        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), settings.MaxNetworkRetries, appInfo: null, enableTelemetry: false);
        var apiBase = string.IsNullOrWhiteSpace(settings.ApiBase) ? StripeClient.DefaultApiBase : settings.ApiBase.TrimEnd('/');
        var client = new StripeClient(settings.SecretKey, httpClient: http, apiBase: apiBase, meterEventsBase: apiBase);
        try
        {
            return await call(client);
        }
        catch (StripeException e) when (e.HttpStatusCode is 0 || (int)e.HttpStatusCode >= 500)
        {
            throw AppException.PaymentProvider("Stripe is unavailable; retry shortly.", transient: (int)e.HttpStatusCode == 0 || (int)e.HttpStatusCode == 503, e);
        }
        catch (StripeException e)
        {
            // A 4xx from Stripe is our configuration's or our request's fault, never the caller's input.
            throw AppException.PaymentProvider($"Stripe refused the request ({e.StripeError?.Code ?? ((int)e.HttpStatusCode).ToString(CultureInfo.InvariantCulture)}).", transient: false, e);
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw AppException.PaymentProvider("Stripe could not be reached in time; retry shortly.", transient: true, e);
        }
    }
}
