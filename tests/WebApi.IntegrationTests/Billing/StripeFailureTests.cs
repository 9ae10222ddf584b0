using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>Stripe answering 500s or too slowly: callers get clean 502/503 ProblemDetails and retries never duplicate anything.</summary>
[Collection(BillingCollection.Name)]
public sealed class StripeFailureTests(BillingFactory factory)
{
    private FakeStripe Stripe => factory.Stripe;

    [Fact]
    public async Task Stripe_500s_are_a_502_problem_after_retries_that_reuse_the_idempotency_key()
    {
        var tenant = await factory.RegisterAsync();
        await factory.CustomerOfAsync(tenant);
        var before = Stripe.To("POST", "/v1/checkout/sessions").Count();
        Stripe.FailNext(2, 500);

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal("billing_provider_error", problem["code"]!.GetValue<string>());
        var attempts = Stripe.To("POST", "/v1/checkout/sessions").Skip(before).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(attempts[0].IdempotencyKey);
        Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
    }

    [Fact]
    public async Task A_customer_creation_that_failed_midway_is_retried_without_a_second_customer()
    {
        var tenant = await factory.RegisterAsync();
        // Stripe created the customer but the answer was lost (a timeout), then the API call is retried.
        Stripe.DelayNext(2, TimeSpan.FromSeconds(2));

        var first = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
        var problem = await first.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("billing_provider_unavailable", problem["code"]!.GetValue<string>());
        Assert.NotNull(first.Headers.RetryAfter);

        var retry = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var creations = Stripe.To("POST", "/v1/customers").Where(r => r.Form.GetValueOrDefault("metadata[company_id]") == tenant.CompanyId.ToString()).ToList();
        Assert.True(creations.Count >= 2);
        Assert.Single(creations.Select(r => r.IdempotencyKey).Distinct());
        Assert.Single(Stripe.Customers.Values, c => c["name"]!.GetValue<string>() == (creations[0].Form["name"]));
        var stored = await factory.WithDbAsync(db => db.CompanySubscriptions.IgnoreTenant().SingleAsync(s => s.CompanyId == tenant.CompanyId));
        Assert.True(Stripe.Customers.ContainsKey(stored.StripeCustomerId!));
    }

    [Fact]
    public async Task A_webhook_whose_processing_needs_stripe_fails_cleanly_and_applies_on_stripes_redelivery()
    {
        var tenant = await factory.RegisterAsync();
        var customerId = await factory.CustomerOfAsync(tenant);
        var subscription = Stripe.AddSubscription(customerId, "price_pro");
        var checkout = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "cs_test_" + Guid.NewGuid().ToString("N")[..16],
            ["object"] = "checkout.session",
            ["customer"] = customerId,
            ["subscription"] = subscription["id"]!.GetValue<string>(),
            ["mode"] = "subscription",
        };
        var eventId = "evt_checkout_" + Guid.NewGuid().ToString("N")[..12];
        Stripe.FailNext(2, 500);

        var failed = await factory.SendWebhookAsync("checkout.session.completed", checkout, eventId);
        await failed.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.False(await factory.WithDbAsync(db => db.StripeEvents.AnyAsync(e => e.Id == eventId)));

        var redelivered = await factory.SendWebhookAsync("checkout.session.completed", checkout, eventId);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("pro", (await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync())["plan"]!["id"]!.GetValue<string>());
        Assert.Single(await factory.EventsOfAsync(tenant.CompanyId), e => e == "subscription.updated");
    }
}
