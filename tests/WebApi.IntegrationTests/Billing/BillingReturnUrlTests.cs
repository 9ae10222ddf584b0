using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>
/// Stripe sends the customer to whatever success, cancel or return URL it is given: only the frontend's origin
/// (<c>FrontendUrl</c> = https://app.example.test), the configured URLs' origins and <c>Billing:AllowedReturnOrigins</c>
/// (https://shop.example.test) are accepted, and a path is one under the frontend.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class BillingReturnUrlTests(BillingFactory factory)
{
    private FakeStripe Stripe => factory.Stripe;

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("https://app.example.test.evil.example/billing")]
    [InlineData("https://app.example.test@evil.example/billing")]
    [InlineData("https://evil@app.example.test/billing")]
    [InlineData("http://app.example.test/billing")]
    [InlineData("https://app.example.test:8443/billing")]
    [InlineData("//evil.example/billing")]
    [InlineData("/\\evil.example/billing")]
    [InlineData("billing")]
    [InlineData("javascript:alert(1)")]
    public async Task A_url_off_the_allowed_origins_is_refused_naming_the_field_before_stripe_is_called(string url)
    {
        var tenant = await factory.RegisterAsync();
        await factory.CustomerOfAsync(tenant);
        var before = Stripe.Requests.Count;

        var success = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "business", successUrl = url });
        var cancel = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "business", cancelUrl = url });
        var portal = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/portal-session", new { returnUrl = url });

        AssertNames(await success.AssertProblemAsync(HttpStatusCode.BadRequest), "successUrl");
        AssertNames(await cancel.AssertProblemAsync(HttpStatusCode.BadRequest), "cancelUrl");
        AssertNames(await portal.AssertProblemAsync(HttpStatusCode.BadRequest), "returnUrl");
        Assert.Equal(before, Stripe.Requests.Count);
    }

    [Fact]
    public async Task Urls_on_the_frontend_or_an_allowed_origin_reach_stripe_and_paths_resolve_under_the_frontend()
    {
        var tenant = await factory.RegisterAsync();

        var checkout = await tenant.Owner.PostAsJsonAsync(
            "/api/v1/billing/create-checkout-session",
            new { planId = "pro", successUrl = "/billing?checkout=done", cancelUrl = "https://SHOP.example.test:443/back" });
        var portal = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/portal-session", new { returnUrl = "/settings" });
        var configured = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/portal-session", new { returnUrl = "http://localhost:3000/billing?from=portal" });

        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var form = Stripe.CheckoutSessions[(await checkout.ReadJsonAsync())["sessionId"]!.GetValue<string>()];
        Assert.Equal($"{BillingFactory.Frontend}/billing?checkout=done", form["success_url"]);
        // Sent as parsed: the URL whose origin was checked.
        Assert.Equal("https://shop.example.test/back", form["cancel_url"]);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        var returns = Stripe.To("POST", "/v1/billing_portal/sessions").Where(r => r.Form["customer"] == form["customer"]).Select(r => r.Form["return_url"]);
        // The configured Billing:PortalReturnUrl (http://localhost:3000/billing) makes its origin one buyers may return to.
        Assert.Equal([$"{BillingFactory.Frontend}/settings", "http://localhost:3000/billing?from=portal"], returns);
    }

    private static void AssertNames(System.Text.Json.Nodes.JsonNode problem, string field)
    {
        var message = Assert.Single(problem["errors"]![field]!.AsArray())!.GetValue<string>();
        Assert.Contains(BillingFactory.Frontend, message, StringComparison.Ordinal);
    }
}
