using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Webhook;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Billing;

public sealed class HandleStripeWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakePaymentGateway _stripe = new();

    public void Dispose() => _database.Dispose();

    // Stripe's deliveries are anonymous: nobody is signed in.
    private async Task<StripeWebhookResult> DeliverAsync(string id, string type, object? data, string? signature = "t=1,v1=ok")
    {
        _stripe.NextWebhook = new PaymentEvent(id, type, _database.Clock.GetUtcNow(), data);
        await using var context = _database.NewContext();
        var sync = new BillingSync(context, _stripe, TestBilling.Catalog, _database.Clock);
        return await new HandleStripeWebhookCommandHandler(context, _stripe, sync, _database.Clock)
            .Handle(new HandleStripeWebhookCommand("{}", signature), CancellationToken.None);
    }

    private async Task<string> PlanOfAsync(TestTenant tenant)
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.Companies.Where(c => c.Id == tenant.Company.Id).Select(c => c.PlanId).SingleAsync();
    }

    private async Task<int> RecordedEventCountAsync()
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.StripeEvents.CountAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task A_delivery_without_a_signature_is_a_bad_request_and_records_nothing(string? signature)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.BadRequest,
            () => DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_acme"), signature));

        Assert.Equal("missing_signature", error.Code);
        Assert.Equal(0, await RecordedEventCountAsync());
        Assert.Equal(Company.FreePlanId, await PlanOfAsync(acme));
    }

    [Fact]
    public async Task Without_a_webhook_secret_deliveries_are_refused_as_not_configured()
    {
        _stripe.CanVerifyWebhooks = false;

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured,
            () => DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_acme")));

        Assert.Equal(ErrorCodes.BillingNotConfigured, error.Code);
        Assert.Equal(0, await RecordedEventCountAsync());
    }

    [Fact]
    public async Task A_subscription_event_puts_the_customers_company_and_no_other_on_the_plan()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.SeedAccountAsync(acme, "cus_acme");
        await _database.SeedAccountAsync(globex, "cus_globex");

        var result = await DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_acme"));

        Assert.Equal(new StripeWebhookResult("evt_1", "customer.subscription.created", Duplicate: false), result);
        Assert.Equal("pro", await PlanOfAsync(acme));
        Assert.Equal(Company.FreePlanId, await PlanOfAsync(globex));
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var account = await context.CompanySubscriptions.IgnoreQueryFilters().SingleAsync(s => s.CompanyId == acme.Company.Id);
        Assert.Equal(("sub_1", "active", "4242"), (account.StripeSubscriptionId, account.Status, account.PaymentMethodLast4));
        Assert.Equal(acme.Company.Id, (await context.StripeEvents.SingleAsync()).CompanyId);
        var updated = await context.OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Type == "subscription.updated");
        Assert.Equal(acme.Company.Id, updated.CompanyId);
    }

    [Fact]
    public async Task A_redelivered_event_id_is_a_duplicate_and_applies_nothing_again()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        await DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_acme"));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_acme", status: "canceled"));

        Assert.True(result.Duplicate);
        Assert.Equal("pro", await PlanOfAsync(acme));
        Assert.Equal(1, await RecordedEventCountAsync());
    }

    [Fact]
    public async Task An_event_for_an_unknown_customer_is_recorded_without_a_company_and_changes_nothing()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");

        var result = await DeliverAsync("evt_1", "customer.subscription.created", TestBilling.ProSubscription("sub_1", "cus_stranger"));

        Assert.False(result.Duplicate);
        Assert.Equal(Company.FreePlanId, await PlanOfAsync(acme));
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.Null((await context.StripeEvents.SingleAsync()).CompanyId);
        Assert.False(await context.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => m.Type == "subscription.updated"));
    }

    [Fact]
    public async Task A_failed_invoice_payment_is_stored_for_the_customers_company_and_announced()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        var now = _database.Clock.GetUtcNow();
        var invoice = new PaymentInvoice("in_1", "cus_acme", "NP-0001", "open", 2900, 0, "usd", now.AddMonths(-1), now, null, null, now);

        await DeliverAsync("evt_1", "invoice.payment_failed", invoice);

        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var stored = await context.Invoices.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((acme.Company.Id, "in_1", 2900L, 0L), (stored.CompanyId, stored.StripeInvoiceId, stored.AmountDue, stored.AmountPaid));
        var failed = await context.OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Type == "invoice.payment_failed");
        Assert.Equal(acme.Company.Id, failed.CompanyId);
    }

    [Fact]
    public async Task A_completed_checkout_applies_the_new_subscription_read_from_stripe()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        _stripe.Subscriptions["sub_1"] = TestBilling.ProSubscription("sub_1", "cus_acme");

        await DeliverAsync("evt_1", "checkout.session.completed", new PaymentCheckoutCompleted("cs_1", "cus_acme", "sub_1"));

        Assert.Equal("pro", await PlanOfAsync(acme));
    }

    [Fact]
    public async Task A_checkout_naming_another_customers_subscription_changes_no_plan()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.SeedAccountAsync(acme, "cus_acme");
        await _database.SeedAccountAsync(globex, "cus_globex");
        _stripe.Subscriptions["sub_globex"] = TestBilling.ProSubscription("sub_globex", "cus_globex");

        await DeliverAsync("evt_1", "checkout.session.completed", new PaymentCheckoutCompleted("cs_1", "cus_acme", "sub_globex"));

        Assert.Equal(Company.FreePlanId, await PlanOfAsync(acme));
        Assert.Equal(Company.FreePlanId, await PlanOfAsync(globex));
    }
}
