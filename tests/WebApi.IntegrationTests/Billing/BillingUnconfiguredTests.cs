using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>The shared host has no Stripe keys: Free keeps working, paid operations are a 503 that says why.</summary>
[Collection(ApiCollection.Name)]
public sealed class BillingUnconfiguredTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Without_stripe_the_free_plan_works_and_paid_operations_answer_503()
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
        var problem = await checkout.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("billing_not_configured", problem["code"]!.GetValue<string>());
        Assert.Contains("billing provider is not configured", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await webhook.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await tenant.Owner.CreateTaskAsync(new { title = "free plan still works" });
    }
}
