using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.UnitTests.Webhooks;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

/// <summary>Integrations written straight to a <see cref="TestDatabase"/>, and the plan guard with an optional integration limit on Free.</summary>
public static class TestIntegrations
{
    public static ISecretProtector Protector => TestWebhooks.Protector;

    public static PlanLimitGuard PlanLimits(IAppDbContext db, TimeProvider clock, long? integrationLimit = null) =>
        new(db, new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions
        {
            Plans = [new PlanDefinition { Id = Company.FreePlanId, Name = "Free", Limits = new PlanLimits { Integrations = integrationLimit } }],
        })), clock);

    public static async Task<Integration> AddSlackAsync(this TestDatabase database, TestTenant tenant)
    {
        var integration = Integration.Connect(
            tenant.Company.Id, IntegrationType.Slack, "Slack", IntegrationSecrets.Serialize(new SlackSettings(null, "hooks.slack.test")),
            Protector.Seal(new SlackSecret("https://hooks.slack.test/services/x")), database.Clock.GetUtcNow());
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        db.Integrations.Add(integration);
        await db.SaveChangesAsync();
        return integration;
    }

    public static async Task<Integration> AddGoogleAsync(this TestDatabase database, TestTenant tenant)
    {
        var integration = Integration.Connect(
            tenant.Company.Id, IntegrationType.Google, "Google", IntegrationSecrets.Serialize(new GoogleSettings("a@acme.test", "email")),
            Protector.Seal(new GoogleSecret("refresh", "access", database.Clock.GetUtcNow().AddHours(1))), database.Clock.GetUtcNow());
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        db.Integrations.Add(integration);
        await db.SaveChangesAsync();
        return integration;
    }

    /// <summary>Every company's integrations.</summary>
    public static async Task<List<Integration>> IntegrationsAsync(this TestDatabase database)
    {
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        return await db.Integrations.IgnoreQueryFilters().AsNoTracking().OrderBy(i => i.Id).ToListAsync();
    }
}

/// <summary>Google's token and userinfo endpoints: answers <see cref="Tokens"/> and records the exchanges it was asked for.</summary>
public sealed class FakeGoogleOAuthClient : IGoogleOAuthClient
{
    public GoogleTokenResponse Tokens { get; set; } = new("access-1", "refresh-1", 3600, "openid email", null);

    public List<(string Code, string Verifier)> Exchanges { get; } = [];

    public Task<GoogleTokenResponse> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken)
    {
        Exchanges.Add((code, codeVerifier));
        return Task.FromResult(Tokens);
    }

    public Task<GoogleTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> GetEmailAsync(string accessToken, CancellationToken cancellationToken) => Task.FromResult<string?>("owner@acme.test");

    public Task<bool> RevokeAsync(string token, CancellationToken cancellationToken) => throw new NotSupportedException();
}
