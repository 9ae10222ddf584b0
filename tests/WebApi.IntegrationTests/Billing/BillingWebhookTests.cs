using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

[Collection(BillingCollection.Name)]
public sealed class BillingWebhookTests(BillingFactory factory)
{
    private FakeStripe Stripe => factory.Stripe;

    [Fact]
    public async Task A_subscription_webhook_moves_the_company_to_the_paid_plan_and_emits_subscription_updated()
    {
        var tenant = await factory.RegisterAsync();

        await factory.SubscribeAsync(tenant);

        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal("pro", me["plan"]!["id"]!.GetValue<string>());
        Assert.Equal("active", me["status"]!.GetValue<string>());
        Assert.False(me["cancelAtPeriodEnd"]!.GetValue<bool>());
        Assert.NotNull(me["currentPeriodEnd"]);
        Assert.Equal(BillingFactory.ProTasks, me["limits"]!["tasks"]!.GetValue<long>());
        Assert.Contains("subscription.updated", await factory.EventsOfAsync(tenant.CompanyId));
    }

    [Fact]
    public async Task Invoice_events_sync_the_history_and_emit_paid_and_payment_failed()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        var paid = Stripe.AddInvoice(customerId, "paid", 2900);
        var failed = Stripe.AddInvoice(customerId, "open", 2900);

        Assert.Equal(HttpStatusCode.OK, (await factory.SendWebhookAsync("invoice.paid", paid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.SendWebhookAsync("invoice.payment_failed", failed)).StatusCode);

        var invoices = (await (await tenant.Owner.GetAsync("/api/v1/billing/invoices")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(2, invoices.Count);
        var paidDto = invoices.Single(i => i!["stripeInvoiceId"]!.GetValue<string>() == paid["id"]!.GetValue<string>())!;
        Assert.Equal("paid", paidDto["status"]!.GetValue<string>());
        Assert.Equal(2900, paidDto["amountPaid"]!.GetValue<long>());
        Assert.Equal("usd", paidDto["currency"]!.GetValue<string>());
        Assert.Equal(paid["number"]!.GetValue<string>(), paidDto["number"]!.GetValue<string>());
        Assert.Equal(paid["hosted_invoice_url"]!.GetValue<string>(), paidDto["hostedInvoiceUrl"]!.GetValue<string>());
        Assert.Equal(paid["invoice_pdf"]!.GetValue<string>(), paidDto["invoicePdfUrl"]!.GetValue<string>());
        var events = await factory.EventsOfAsync(tenant.CompanyId);
        Assert.Single(events, e => e == "invoice.paid");
        Assert.Single(events, e => e == "invoice.payment_failed");
    }

    [Fact]
    public async Task A_replayed_event_id_answers_200_without_processing_again()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        var invoice = Stripe.AddInvoice(customerId, "open");
        var eventId = "evt_replay_" + Guid.NewGuid().ToString("N")[..12];
        await factory.SendWebhookAsync("invoice.payment_failed", invoice, eventId);

        var replay = await factory.SendWebhookAsync("invoice.payment_failed", invoice, eventId);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await replay.ReadJsonAsync())["duplicate"]!.GetValue<bool>());
        Assert.Single(await factory.EventsOfAsync(tenant.CompanyId), e => e == "invoice.payment_failed");
        Assert.Equal(1, await factory.WithDbAsync(db => db.StripeEvents.CountAsync(e => e.Id == eventId)));
    }

    [Fact]
    public async Task Bad_signatures_and_bodies_are_400_and_store_nothing()
    {
        var tenant = await factory.RegisterAsync();
        var customerId = await factory.CustomerOfAsync(tenant);
        var subscription = Stripe.AddSubscription(customerId, "price_pro");
        var now = factory.Clock.GetUtcNow();
        var payload = StripeWebhook.Event("customer.subscription.created", subscription, now);
        var client = factory.Anonymous();
        var before = await factory.WithDbAsync(db => db.StripeEvents.CountAsync());

        var cases = new (string Name, string Body, string? Signature)[]
        {
            ("missing signature", payload, null),
            ("wrong secret", payload, StripeWebhook.Sign(payload, "whsec_wrong", now)),
            ("stale timestamp", payload, StripeWebhook.Sign(payload, FakeStripe.WebhookSecret, now.AddSeconds(-301))),
            ("tampered body", payload.Replace("price_pro", "price_business", StringComparison.Ordinal), StripeWebhook.Sign(payload, FakeStripe.WebhookSecret, now)),
            ("garbage header", payload, "t=abc,v1=zz"),
            ("malformed JSON, validly signed", "{\"id\": \"evt_1\", ", StripeWebhook.Sign("{\"id\": \"evt_1\", ", FakeStripe.WebhookSecret, now)),
        };
        foreach (var (name, body, signature) in cases)
        {
            var response = await StripeWebhook.PostAsync(client, body, signature);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["code"] is not null, name);
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.StripeEvents.CountAsync()));
        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal("free", me["plan"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signature_within_the_tolerance_is_accepted()
    {
        var tenant = await factory.RegisterAsync();
        var customerId = await factory.CustomerOfAsync(tenant);
        var payload = StripeWebhook.Event("customer.subscription.created", Stripe.AddSubscription(customerId, "price_pro"), factory.Clock.GetUtcNow());

        var response = await StripeWebhook.PostAsync(factory.Anonymous(), payload, StripeWebhook.Sign(payload, FakeStripe.WebhookSecret, factory.Clock.GetUtcNow().AddSeconds(-290)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_event_type_is_acknowledged_and_ignored()
    {
        var response = await factory.SendWebhookAsync("customer.tax_id.created", new JsonObject { ["id"] = "txi_1", ["object"] = "tax_id" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("customer.tax_id.created", body["type"]!.GetValue<string>());
        Assert.False(body["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_webhook_for_company_As_customer_never_touches_company_B()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var customerA = await factory.CustomerOfAsync(a);
        await factory.CustomerOfAsync(b);
        var eventsOfB = await factory.EventsOfAsync(b.CompanyId);

        // Even with B's id planted in the metadata, the customer decides.
        var subscription = Stripe.AddSubscription(customerA, "price_business");
        subscription["metadata"] = new JsonObject { ["company_id"] = b.CompanyId.ToString() };
        await factory.SendWebhookAsync("customer.subscription.created", subscription);
        var invoice = Stripe.AddInvoice(customerA);
        await factory.SendWebhookAsync("invoice.paid", invoice);

        Assert.Equal("business", (await (await a.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync())["plan"]!["id"]!.GetValue<string>());
        Assert.Equal("free", (await (await b.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync())["plan"]!["id"]!.GetValue<string>());
        Assert.Empty((await (await b.Owner.GetAsync("/api/v1/billing/invoices")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Single((await (await a.Owner.GetAsync("/api/v1/billing/invoices")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(eventsOfB, await factory.EventsOfAsync(b.CompanyId));
    }

    [Fact]
    public async Task An_invoice_id_held_by_one_company_is_never_moved_to_another()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var customerA = await factory.CustomerOfAsync(a);
        var customerB = await factory.CustomerOfAsync(b);
        var invoice = Stripe.AddInvoice(customerA, "open");
        await factory.SendWebhookAsync("invoice.finalized", invoice);

        var forged = invoice.DeepClone().AsObject();
        forged["customer"] = customerB;
        forged["status"] = "paid";
        Assert.Equal(HttpStatusCode.OK, (await factory.SendWebhookAsync("invoice.paid", forged)).StatusCode);

        var stored = await factory.WithDbAsync(db => db.Invoices.IgnoreTenant().SingleAsync(i => i.StripeInvoiceId == invoice["id"]!.GetValue<string>()));
        Assert.Equal(a.CompanyId, stored.CompanyId);
        Assert.Equal("open", stored.Status);
        Assert.DoesNotContain("invoice.paid", await factory.EventsOfAsync(b.CompanyId));
    }

    [Fact]
    public async Task Deleting_the_subscription_returns_the_company_to_free_and_an_older_event_does_not_undo_it()
    {
        var tenant = await factory.RegisterAsync();
        var (_, subscription) = await factory.SubscribeAsync(tenant);
        var stale = StripeWebhook.Event("customer.subscription.updated", subscription, factory.Clock.GetUtcNow().AddMinutes(-5));
        subscription["status"] = "canceled";

        await factory.SendWebhookAsync("customer.subscription.deleted", subscription);
        await StripeWebhook.PostAsync(factory.Anonymous(), stale, StripeWebhook.Sign(stale, FakeStripe.WebhookSecret, factory.Clock.GetUtcNow()));

        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal("free", me["plan"]!["id"]!.GetValue<string>());
        Assert.Equal("canceled", me["status"]!.GetValue<string>());
    }
}
