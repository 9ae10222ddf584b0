using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Cancel;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Billing;

public sealed class CancelSubscriptionCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakePaymentGateway _stripe = new();

    public void Dispose() => _database.Dispose();

    private async Task<SubscriptionStatusDto> CancelAsync(bool atPeriodEnd)
    {
        await using var context = _database.NewContext();
        var handler = new CancelSubscriptionCommandHandler(
            context, new BillingAccounts(context, _stripe, _database.Clock), new BillingSync(context, _stripe, TestBilling.Catalog, _database.Clock),
            _stripe, _database.Clock);
        return await handler.Handle(new CancelSubscriptionCommand(atPeriodEnd), CancellationToken.None);
    }

    private async Task<TestTenant> SubscribedAsync(string name)
    {
        var tenant = await TestTenant.CreateAsync(_database, name);
        var customer = $"cus_{name.ToLowerInvariant()}";
        var subscription = TestBilling.ProSubscription($"sub_{name.ToLowerInvariant()}", customer);
        _stripe.Subscriptions[subscription.Id] = subscription;
        await _database.SeedAccountAsync(tenant, customer, subscription);
        return tenant;
    }

    private async Task<string> PlanOfAsync(TestTenant tenant)
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.Companies.Where(c => c.Id == tenant.Company.Id).Select(c => c.PlanId).SingleAsync();
    }

    [Fact]
    public async Task Cancelling_at_period_end_keeps_the_plan_until_then()
    {
        var acme = await SubscribedAsync("Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        var status = await CancelAsync(atPeriodEnd: true);

        Assert.Equal(["cancel sub_acme atPeriodEnd=True"], _stripe.Calls);
        Assert.Equal(("pro", "active", true), (status.Plan, status.Status, status.CancelAtPeriodEnd));
        Assert.Equal("pro", await PlanOfAsync(acme));
        await using var context = _database.NewContext();
        Assert.True((await context.CompanySubscriptions.SingleAsync()).CancelAtPeriodEnd);
        Assert.Single(await context.OutboxMessages.Where(m => m.Type == "subscription.updated").ToListAsync());
    }

    [Fact]
    public async Task Cancelling_now_puts_the_company_back_on_free()
    {
        var acme = await SubscribedAsync("Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        var status = await CancelAsync(atPeriodEnd: false);

        Assert.Equal((Company.FreePlanId, "canceled"), (status.Plan, status.Status));
        Assert.Equal(Company.FreePlanId, await PlanOfAsync(acme));
    }

    [Fact]
    public async Task Without_a_live_subscription_there_is_nothing_to_cancel_and_stripe_is_not_called()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => CancelAsync(atPeriodEnd: true));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Empty(_stripe.Calls);
    }

    [Fact]
    public async Task Another_companys_subscription_is_not_the_callers_to_cancel()
    {
        var globex = await SubscribedAsync("Globex");
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => CancelAsync(atPeriodEnd: false));

        Assert.Empty(_stripe.Calls);
        Assert.Equal("pro", await PlanOfAsync(globex));
    }

    [Fact]
    public async Task Without_the_provider_configured_it_is_refused_as_not_configured()
    {
        var acme = await SubscribedAsync("Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        _stripe.IsConfigured = false;

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured, () => CancelAsync(atPeriodEnd: true));

        Assert.Equal(ErrorCodes.BillingNotConfigured, error.Code);
        Assert.Empty(_stripe.Calls);
        Assert.Equal("pro", await PlanOfAsync(acme));
    }
}
