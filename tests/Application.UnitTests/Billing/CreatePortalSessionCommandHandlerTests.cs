using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Portal;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.UnitTests.Billing;

public sealed class CreatePortalSessionCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakePaymentGateway _stripe = new();

    public void Dispose() => _database.Dispose();

    private async Task<PortalSessionDto> OpenPortalAsync(string? returnUrl = null)
    {
        await using var context = _database.NewContext();
        var handler = new CreatePortalSessionCommandHandler(
            context, new BillingAccounts(context, _stripe, _database.Clock), _stripe, TestBilling.Options, TestBilling.ReturnUrls);
        return await handler.Handle(new CreatePortalSessionCommand(returnUrl), CancellationToken.None);
    }

    [Fact]
    public async Task The_portal_opens_for_the_callers_customer_and_returns_to_the_configured_page()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var session = await OpenPortalAsync();

        Assert.Equal("https://billing.stripe.test/session", session.Url);
        Assert.Equal([$"portal cus_acme {TestBilling.Options.CurrentValue.PortalReturnUrl}"], _stripe.Calls);
    }

    [Fact]
    public async Task A_requested_path_returns_under_the_frontend()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await OpenPortalAsync("/settings/billing");

        Assert.Equal(["portal cus_acme https://app.novapulse.test/settings/billing"], _stripe.Calls);
    }

    [Fact]
    public async Task A_company_without_a_billing_customer_is_a_conflict_even_when_another_company_has_one()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.SeedAccountAsync(globex, "cus_globex");
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => OpenPortalAsync());

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Empty(_stripe.Calls);
    }

    [Fact]
    public async Task Without_the_provider_configured_it_is_refused_as_not_configured()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await _database.SeedAccountAsync(acme, "cus_acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        _stripe.IsConfigured = false;

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured, () => OpenPortalAsync());

        Assert.Equal(ErrorCodes.BillingNotConfigured, error.Code);
        Assert.Empty(_stripe.Calls);
    }
}
