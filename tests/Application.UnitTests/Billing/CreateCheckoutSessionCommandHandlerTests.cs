using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Checkout;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Billing;

public sealed class CreateCheckoutSessionCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakePaymentGateway _stripe = new();

    public void Dispose() => _database.Dispose();

    private async Task<CheckoutSessionDto> CheckoutAsync(string planId, string? successUrl = null)
    {
        await using var context = _database.NewContext();
        var handler = new CreateCheckoutSessionCommandHandler(
            new BillingAccounts(context, _stripe, _database.Clock), TestBilling.Catalog, _stripe, _database.CurrentUser, TestBilling.Options, TestBilling.ReturnUrls);
        return await handler.Handle(new CreateCheckoutSessionCommand(planId, successUrl), CancellationToken.None);
    }

    private async Task<int> AccountCountAsync()
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.CompanySubscriptions.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task The_first_checkout_creates_and_keeps_the_companys_customer_and_sells_the_plans_price()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var session = await CheckoutAsync("pro", successUrl: "/billing?done=1");

        Assert.Equal(new CheckoutSessionDto("cs_test_1", "https://checkout.stripe.test/cs_test_1"), session);
        var customer = $"cus_{acme.Company.Id:N}";
        Assert.Equal([$"customer Acme {acme.Owner.Email}", $"checkout {customer}"], _stripe.Calls);
        var request = _stripe.LastCheckout!;
        Assert.Equal((acme.Company.Id, "pro", customer), (request.CompanyId, request.PlanId, request.CustomerId));
        Assert.Equal(TestBilling.ProPriceId, request.Price.StripePriceId);
        Assert.Null(request.MeteredPriceId);
        Assert.Equal("https://app.novapulse.test/billing?done=1", request.SuccessUrl);
        Assert.Equal(TestBilling.Options.CurrentValue.CancelUrl, request.CancelUrl);
        await using var context = _database.NewContext();
        Assert.Equal(customer, (await context.CompanySubscriptions.SingleAsync()).StripeCustomerId);
    }

    [Fact]
    public async Task A_second_checkout_reuses_the_customer()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await CheckoutAsync("pro");

        await CheckoutAsync("pro");

        Assert.Single(_stripe.Calls, c => c.StartsWith("customer", StringComparison.Ordinal));
        Assert.Equal(1, await AccountCountAsync());
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => CheckoutAsync("platinum"));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Empty(_stripe.Calls);
    }

    [Fact]
    public async Task The_free_plan_needs_no_checkout()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => CheckoutAsync(Company.FreePlanId));

        Assert.Empty(_stripe.Calls);
        Assert.Equal(0, await AccountCountAsync());
    }

    [Fact]
    public async Task A_company_that_already_pays_changes_plans_in_the_portal_not_by_a_new_checkout()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme", TestBilling.ProSubscription("sub_acme", "cus_acme"));
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => CheckoutAsync("pro"));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Empty(_stripe.Calls);
    }

    [Fact]
    public async Task Another_companys_subscription_does_not_block_the_callers_checkout()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.SeedAccountAsync(globex, "cus_globex", TestBilling.ProSubscription("sub_globex", "cus_globex"));
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await CheckoutAsync("pro");

        Assert.Equal($"cus_{acme.Company.Id:N}", _stripe.LastCheckout!.CustomerId);
    }

    [Fact]
    public async Task Without_the_provider_configured_it_is_refused_as_not_configured_and_stores_nothing()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        _stripe.IsConfigured = false;

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured, () => CheckoutAsync("pro"));

        Assert.Equal(ErrorCodes.BillingNotConfigured, error.Code);
        Assert.Empty(_stripe.Calls);
        Assert.Equal(0, await AccountCountAsync());
    }
}
