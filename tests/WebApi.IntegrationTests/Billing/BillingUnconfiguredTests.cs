using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>
/// The shared host has no Stripe keys: Free keeps working, paid operations are a 409 <c>billing_not_configured</c>
/// (the deployment's state, not an outage: no 503, no Retry-After to invite retries).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BillingUnconfiguredTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Without_stripe_the_free_plan_works_and_paid_operations_answer_409_billing_not_configured()
    {
        var tenant = await factory.RegisterAsync();

        var me = await tenant.Owner.GetAsync("/api/v1/billing/me");
        var checkout = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
        var webhook = await StripeWebhook.PostAsync(factory.Anonymous(), "{}", "t=1,v1=00");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var billing = await me.ReadJsonAsync();
        Assert.Equal("free", billing["plan"]!["id"]!.GetValue<string>());
        Assert.False(billing["providerConfigured"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/billing/plans")).StatusCode);
        var problem = await checkout.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("billing_not_configured", problem["code"]!.GetValue<string>());
        Assert.Contains("billing provider is not configured", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(checkout.Headers.Contains("Retry-After"));
        Assert.Equal("billing_not_configured", (await webhook.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        await tenant.Owner.CreateTaskAsync(new { title = "free plan still works" });
    }
}
