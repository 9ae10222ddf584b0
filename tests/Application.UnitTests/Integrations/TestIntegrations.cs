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
            tenant.Company.Id, IntegrationType.Slack, "Slack", IntegrationSecrets.Serialize(new SlackSettings("#ops", "hooks.slack.test")),
            Protector.Seal(new SlackSecret("https://hooks.slack.test/services/x")), database.Clock.GetUtcNow());
        return await database.AddAsync(integration);
    }

    public static async Task<Integration> AddEmailAsync(this TestDatabase database, TestTenant tenant)
    {
        var integration = Integration.Connect(
            tenant.Company.Id, IntegrationType.Email, "Email",
            IntegrationSecrets.Serialize(new EmailSettings("smtp.acme.test", 587, "mailer", "noreply@acme.test", "Acme", EmailSecurity.Starttls, HasPassword: true)),
            Protector.Seal(new EmailSecret("smtp-password")), database.Clock.GetUtcNow());
        return await database.AddAsync(integration);
    }

    /// <summary>A Google grant whose access token lives <paramref name="tokenLifetime"/> more (an hour unless told).</summary>
    public static async Task<Integration> AddGoogleAsync(this TestDatabase database, TestTenant tenant, TimeSpan? tokenLifetime = null)
    {
        var integration = Integration.Connect(
            tenant.Company.Id, IntegrationType.Google, "Google", IntegrationSecrets.Serialize(new GoogleSettings("a@acme.test", "email")),
            Protector.Seal(new GoogleSecret("refresh", "access", database.Clock.GetUtcNow() + (tokenLifetime ?? TimeSpan.FromHours(1)))), database.Clock.GetUtcNow());
        return await database.AddAsync(integration);
    }

    private static async Task<Integration> AddAsync(this TestDatabase database, Integration integration)
    {
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        db.Integrations.Add(integration);
        await db.SaveChangesAsync();
        return integration;
    }

    /// <summary>What an Admin does to the company's integration of <paramref name="type"/>, in a unit of work of its own.</summary>
    public static async Task ChangeIntegrationAsync(this TestDatabase database, IntegrationType type, Action<IAppDbContext, Integration> change)
    {
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        var integration = await db.Integrations.IgnoreQueryFilters().SingleAsync(i => i.Type == type);
        change(db, integration);
        await db.SaveChangesAsync();
    }

    /// <summary>An Admin saves the integration again (new credentials, as far as the send in flight can tell) as <paramref name="displayName"/>.</summary>
    public static Task ReconfigureAsync(this TestDatabase database, IntegrationType type, string displayName) =>
        database.ChangeIntegrationAsync(type, (_, integration) =>
            integration.Reconfigure(displayName, integration.Settings, integration.Secret, database.Clock.GetUtcNow()));

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

    /// <summary>What the token endpoint answers a refresh with.</summary>
    public GoogleTokenResponse Refreshed { get; set; } = new("access-2", null, 3600, "openid email", null);

    /// <summary>The account's address the userinfo endpoint answers; null as when Google refuses the token.</summary>
    public string? Email { get; set; } = "owner@acme.test";

    /// <summary>Thrown by the revocation endpoint, as when Google cannot be reached.</summary>
    public Exception? RevokeFailure { get; set; }

    public List<string> AccessTokensAsked { get; } = [];

    public List<string> Revoked { get; } = [];

    public Task<GoogleTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) => Task.FromResult(Refreshed);

    public Task<string?> GetEmailAsync(string accessToken, CancellationToken cancellationToken)
    {
        AccessTokensAsked.Add(accessToken);
        return Task.FromResult(Email);
    }

    public Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        Revoked.Add(token);
        return RevokeFailure is null ? Task.FromResult(true) : Task.FromException<bool>(RevokeFailure);
    }
}

/// <summary>An SMTP server that answers <see cref="Result"/> and keeps what it was handed.</summary>
public sealed class FakeEmailSender : IEmailSender
{
    public SendResult Result { get; set; } = SendResult.Ok;

    public List<(SmtpServer Server, EmailMessage Message)> Sent { get; } = [];

    /// <summary>Runs while the send is in flight, e.g. an Admin's change made meanwhile.</summary>
    public Func<Task>? WhileSending { get; set; }

    public async Task<SendResult> SendAsync(SmtpServer server, EmailMessage message, CancellationToken cancellationToken)
    {
        Sent.Add((server, message));
        if (WhileSending is { } meanwhile)
        {
            await meanwhile();
        }

        return Result;
    }
}

/// <summary>Slack's incoming webhooks: answers <see cref="Result"/> and keeps what was posted.</summary>
public sealed class FakeSlackClient : ISlackClient
{
    public SendResult Result { get; set; } = SendResult.Ok;

    public List<(Uri WebhookUrl, string Text, string? Channel)> Posted { get; } = [];

    public Task<SendResult> PostAsync(Uri webhookUrl, string text, string? channel, CancellationToken cancellationToken)
    {
        Posted.Add((webhookUrl, text, channel));
        return Task.FromResult(Result);
    }
}
