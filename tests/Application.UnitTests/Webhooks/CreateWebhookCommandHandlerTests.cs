using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Create;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class CreateWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<WebhookEndpointDto> CreateAsync(long? endpointLimit = null)
    {
        var billing = new BillingOptions { Plans = [new PlanDefinition { Id = "free", Name = "Free", Limits = new PlanLimits { WebhookEndpoints = endpointLimit } }] };
        await using var context = _database.NewContext();
        var handler = new CreateWebhookCommandHandler(
            context, _database.CurrentUser, TestWebhooks.Protector, new PlanLimitGuard(context, new PlanCatalog(new TestOptions<BillingOptions>(billing)), _database.Clock), _database.Clock);
        return await handler.Handle(new CreateWebhookCommand("https://hooks.example.com/in", ["task.created"]), CancellationToken.None);
    }

    [Fact]
    public async Task A_new_endpoint_belongs_to_the_callers_company_and_keeps_its_signing_secret_only_encrypted()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var created = await CreateAsync();

        await using var context = _database.NewContext();
        var stored = await context.WebhookEndpoints.SingleAsync();
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.True(stored.Enabled);
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, stored.Secret);
        Assert.Equal(created.Secret, TestWebhooks.Protector.Unprotect(stored.Secret));
    }

    [Fact]
    public async Task An_endpoint_beyond_the_plans_limit_is_refused_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        await CreateAsync(endpointLimit: 1);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => CreateAsync(endpointLimit: 1));

        Assert.Equal("webhook_endpoint_limit_reached", error.Code);
        await using var context = _database.NewContext();
        Assert.Equal(1, await context.WebhookEndpoints.CountAsync());
    }

    [Fact]
    public async Task Another_companys_endpoints_do_not_count_against_the_callers_limit()
    {
        await TestTenant.CreateSignedInAsync(_database, "Globex");
        await CreateAsync(endpointLimit: 1);
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var created = await CreateAsync(endpointLimit: 1);

        await using var context = _database.NewContext();
        Assert.Equal(acme.Company.Id, (await context.WebhookEndpoints.SingleAsync(e => e.Id == created.Id)).CompanyId);
    }
}
