using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

[Collection(BillingCollection.Name)]
public sealed class BillingCheckoutTests(BillingFactory factory)
{
    private FakeStripe Stripe => factory.Stripe;

    [Fact]
    public async Task Plans_are_public_and_a_new_company_starts_on_free()
    {
        var plans = (await (await factory.Anonymous().GetAsync("/api/v1/billing/plans")).ReadJsonAsync()).AsArray();
        Assert.Equal(["free", "pro", "business", "team"], plans.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("year", plans[3]!["interval"]!.GetValue<string>());
        Assert.False(plans[0]!["requiresPayment"]!.GetValue<bool>());
        Assert.Equal(BillingFactory.FreeTasks, plans[0]!["limits"]!["tasks"]!.GetValue<long>());
        Assert.DoesNotContain("price_pro", plans.ToJsonString(), StringComparison.Ordinal);

        var tenant = await factory.RegisterAsync();
        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal("free", me["plan"]!["id"]!.GetValue<string>());
        Assert.Equal("none", me["status"]!.GetValue<string>());
        Assert.Equal(1, me["usage"]!["seats"]!.GetValue<long>());
        Assert.Equal(0, me["usage"]!["tasks"]!.GetValue<long>());
        Assert.True(me["providerConfigured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Checkout_creates_the_customer_once_and_a_subscription_session_for_the_plan_prices()
    {
        var tenant = await factory.RegisterAsync("Acme Checkout");

        var first = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro", successUrl = "https://app.example.test/ok" });
        var second = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var session = await first.ReadJsonAsync();
        Assert.StartsWith("cs_test_", session["sessionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("https://checkout.stripe.test/", session["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var customers = Stripe.To("POST", "/v1/customers").Where(r => r.Form.GetValueOrDefault("metadata[company_id]") == tenant.CompanyId.ToString()).ToList();
        var customerCreation = Assert.Single(customers);
        Assert.Equal("Acme Checkout", customerCreation.Form["name"]);
        Assert.Equal(tenant.OwnerEmail, customerCreation.Form["email"]);
        Assert.Equal($"np-customer-{tenant.CompanyId:N}", customerCreation.IdempotencyKey);

        var sessions = Stripe.To("POST", "/v1/checkout/sessions").Where(r => r.Form.GetValueOrDefault("client_reference_id") == tenant.CompanyId.ToString()).ToList();
        Assert.Equal(2, sessions.Count);
        var form = sessions[0].Form;
        Assert.Equal("subscription", form["mode"]);
        Assert.StartsWith("cus_", form["customer"], StringComparison.Ordinal);
        Assert.Equal(form["customer"], sessions[1].Form["customer"]);
        Assert.Equal("price_pro", form["line_items[0][price]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("price_pro_api_calls", form["line_items[1][price]"]);
        Assert.False(form.ContainsKey("line_items[1][quantity]"));
        Assert.Equal("https://app.example.test/ok", form["success_url"]);
        Assert.Equal("http://localhost:3000/billing?checkout=cancelled", form["cancel_url"]);
        Assert.Equal("pro", form["metadata[plan_id]"]);
    }

    [Fact]
    public async Task A_plan_without_a_stripe_price_is_sold_from_its_configured_amount_currency_and_interval()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "team" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessionId = (await response.ReadJsonAsync())["sessionId"]!.GetValue<string>();
        var form = Stripe.CheckoutSessions[sessionId];
        Assert.Equal("subscription", form["mode"]);
        Assert.False(form.ContainsKey("line_items[0][price]"));
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("49000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("year", form["line_items[0][price_data][recurring][interval]"]);
        Assert.Equal("Team", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.DoesNotContain(form.Keys, k => k.StartsWith("line_items[1]", StringComparison.Ordinal));
        Assert.Equal("team", form["metadata[plan_id]"]);
        Assert.Equal("team", form["subscription_data[metadata][plan_id]"]);
    }

    [Fact]
    public async Task A_subscription_to_a_plan_sold_inline_maps_back_to_it_by_the_plan_id_in_its_metadata()
    {
        var byWebhook = await factory.RegisterAsync();
        var byReconciler = await factory.RegisterAsync();
        var sessions = new List<string>();
        foreach (var tenant in new[] { byWebhook, byReconciler })
        {
            var checkout = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "team" });
            sessions.Add((await checkout.ReadJsonAsync())["sessionId"]!.GetValue<string>());
        }

        // Stripe gives an inline price a new id per Checkout: only the metadata names the plan.
        var subscription = Stripe.AddSubscriptionFromCheckout(sessions[0]);
        Assert.StartsWith("price_", subscription["items"]!["data"]![0]!["price"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.SendWebhookAsync("customer.subscription.created", subscription)).StatusCode);
        Stripe.AddSubscriptionFromCheckout(sessions[1]);
        await factory.RunReconcilerAsync();

        foreach (var tenant in new[] { byWebhook, byReconciler })
        {
            var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
            Assert.Equal("team", me["plan"]!["id"]!.GetValue<string>());
            Assert.Equal("active", me["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Checkout_refuses_unknown_and_free_plans_members_and_companies_already_subscribed()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "platinum" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "free" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro", successUrl = "javascript:alert(1)" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        await factory.SubscribeAsync(tenant);
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "business" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_portal_session_returns_stripes_url_for_the_companys_customer()
    {
        var tenant = await factory.RegisterAsync();
        await (await tenant.Owner.PostAsync("/api/v1/billing/portal-session", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var customerId = await factory.CustomerOfAsync(tenant);

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/portal-session", new { returnUrl = "https://app.example.test/settings" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("https://billing.stripe.test/p/session/", (await response.ReadJsonAsync())["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Stripe.To("POST", "/v1/billing_portal/sessions").Last(r => r.Form["customer"] == customerId);
        Assert.Equal("https://app.example.test/settings", request.Form["return_url"]);
    }

    [Fact]
    public async Task Cancel_at_period_end_keeps_the_plan_until_then_and_cancel_now_returns_to_free()
    {
        var tenant = await factory.RegisterAsync();
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/cancel", new { atPeriodEnd = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        var (_, subscription) = await factory.SubscribeAsync(tenant);
        var subscriptionId = subscription["id"]!.GetValue<string>();

        var atPeriodEnd = await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/cancel", new { atPeriodEnd = true })).ReadJsonAsync();

        Assert.Equal("pro", atPeriodEnd["plan"]!.GetValue<string>());
        Assert.True(atPeriodEnd["cancelAtPeriodEnd"]!.GetValue<bool>());
        Assert.Equal("true", Stripe.To("POST", $"/v1/subscriptions/{subscriptionId}").Single().Form["cancel_at_period_end"]);
        Assert.True((await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync())["cancelAtPeriodEnd"]!.GetValue<bool>());

        var now = await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/cancel", new { atPeriodEnd = false })).ReadJsonAsync();

        Assert.Equal("free", now["plan"]!.GetValue<string>());
        Assert.Equal("canceled", now["status"]!.GetValue<string>());
        Assert.Single(Stripe.To("DELETE", $"/v1/subscriptions/{subscriptionId}"));
    }

    [Fact]
    public async Task The_reconciler_repairs_a_subscription_and_invoices_whose_webhooks_were_lost()
    {
        var tenant = await factory.RegisterAsync();
        var customerId = await factory.CustomerOfAsync(tenant);
        Stripe.AddSubscription(customerId, "price_business");
        var invoice = Stripe.AddInvoice(customerId, "paid", 9900);

        await factory.RunReconcilerAsync();
        await factory.RunReconcilerAsync();

        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal("business", me["plan"]!["id"]!.GetValue<string>());
        Assert.Equal("4242", me["paymentMethod"]!["last4"]!.GetValue<string>());
        var invoices = (await (await tenant.Owner.GetAsync("/api/v1/billing/invoices")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(invoice["id"]!.GetValue<string>(), Assert.Single(invoices)!["stripeInvoiceId"]!.GetValue<string>());
        var events = await factory.EventsOfAsync(tenant.CompanyId);
        Assert.Single(events, e => e == "subscription.updated");
        Assert.Single(events, e => e == "invoice.paid");
    }
}
