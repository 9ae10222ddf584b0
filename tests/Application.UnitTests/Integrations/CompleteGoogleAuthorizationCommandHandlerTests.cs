using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.CompleteGoogle;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.UnitTests.Integrations;

/// <summary>Google's redirect back: anonymous, so the tests stay signed out; Google itself is a fake.</summary>
public sealed class CompleteGoogleAuthorizationCommandHandlerTests : IDisposable
{
    private const string State = "state-value-from-the-browser";
    private const string Verifier = "the-pkce-code-verifier";

    private static readonly GoogleOptions Configured = new() { ClientId = "client", ClientSecret = "secret", RedirectUri = "https://api.test/callback" };

    private readonly TestDatabase _database = new();
    private readonly FakeGoogleOAuthClient _google = new();

    public void Dispose() => _database.Dispose();

    private async Task<string> CompleteAsync(string? code = "auth-code", string state = State, string? error = null, GoogleOptions? google = null, long? integrationLimit = null)
    {
        await using var db = _database.NewContext();
        var handler = new CompleteGoogleAuthorizationCommandHandler(
            db, TestIntegrations.Protector, _google, Options.Create(google ?? Configured), Options.Create(new IntegrationOptions { FrontendUrl = "https://app.test/" }),
            TestIntegrations.PlanLimits(db, _database.Clock, integrationLimit), _database.Clock);
        return await handler.Handle(new CompleteGoogleAuthorizationCommand(code, state, error), CancellationToken.None);
    }

    private async Task<TestTenant> StartAsync(User? by = null)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await using var db = _database.NewContext(actingAs: new TestCurrentUser());
        db.OAuthStates.Add(OAuthState.Start(
            acme.Company.Id, (by ?? acme.Owner).Id, IntegrationType.Google, Secrets.Hash(State), TestIntegrations.Protector.Protect(Verifier), _database.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return acme;
    }

    private async Task<int> StateCountAsync()
    {
        await using var db = _database.NewContext(actingAs: new TestCurrentUser());
        return await db.OAuthStates.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task A_valid_callback_exchanges_the_code_with_the_verifier_and_connects_google_for_the_states_company()
    {
        var acme = await StartAsync();

        var redirect = await CompleteAsync();

        Assert.Equal("https://app.test/settings/integrations?connected=google", redirect);
        Assert.Equal([("auth-code", Verifier)], _google.Exchanges);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(IntegrationType.Google, stored.Type);
        Assert.Equal("Google owner@acme.test", stored.DisplayName);
        Assert.DoesNotContain("refresh-1", stored.Secret);
        var secret = TestIntegrations.Protector.Open<GoogleSecret>(stored);
        Assert.Equal("refresh-1", secret.RefreshToken);
        Assert.Equal(_database.Clock.GetUtcNow().AddSeconds(3600), secret.AccessTokenExpiresAt);
        Assert.Equal(0, await StateCountAsync());
    }

    [Fact]
    public async Task A_state_works_once()
    {
        await StartAsync();
        await CompleteAsync();

        await Assert.ThrowsAsync<ValidationException>(() => CompleteAsync());

        Assert.Single(_google.Exchanges);
        Assert.Single(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task An_unknown_state_is_a_validation_error_and_google_is_not_asked()
    {
        await StartAsync();

        await Assert.ThrowsAsync<ValidationException>(() => CompleteAsync(state: "forged"));

        Assert.Empty(_google.Exchanges);
        Assert.Empty(await _database.IntegrationsAsync());
        Assert.Equal(1, await StateCountAsync());
    }

    [Fact]
    public async Task An_expired_state_is_refused_and_consumed()
    {
        await StartAsync();
        _database.Clock.Advance(OAuthState.Lifetime);

        await Assert.ThrowsAsync<ValidationException>(() => CompleteAsync());

        Assert.Empty(_google.Exchanges);
        Assert.Empty(await _database.IntegrationsAsync());
        Assert.Equal(0, await StateCountAsync());
    }

    [Fact]
    public async Task A_state_started_by_someone_no_longer_an_admin_is_refused()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var member = await acme.AddMemberAsync(_database, "Mia", Role.Member);
        await using (var db = _database.NewContext(actingAs: new TestCurrentUser()))
        {
            db.OAuthStates.Add(OAuthState.Start(
                acme.Company.Id, member.Id, IntegrationType.Google, Secrets.Hash(State), TestIntegrations.Protector.Protect(Verifier), _database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<ValidationException>(() => CompleteAsync());

        Assert.Empty(_google.Exchanges);
        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task A_refused_consent_sends_the_browser_back_with_the_error_and_stores_nothing()
    {
        await StartAsync();

        var redirect = await CompleteAsync(code: null, error: "access_denied");

        Assert.Equal("https://app.test/settings/integrations?error=access_denied&provider=google", redirect);
        Assert.Empty(_google.Exchanges);
        Assert.Empty(await _database.IntegrationsAsync());
        Assert.Equal(0, await StateCountAsync());
    }

    [Fact]
    public async Task Tokens_without_a_refresh_token_store_nothing()
    {
        await StartAsync();
        _google.Tokens = _google.Tokens with { RefreshToken = null };

        var redirect = await CompleteAsync();

        Assert.EndsWith("?error=no_refresh_token&provider=google", redirect);
        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task Connecting_beyond_the_plans_integrations_sends_the_browser_back_with_the_limit_code()
    {
        var acme = await StartAsync();
        await _database.AddSlackAsync(acme);

        var redirect = await CompleteAsync(integrationLimit: 1);

        Assert.Equal("https://app.test/settings/integrations?error=integration_limit_reached&provider=google", redirect);
        Assert.Equal([IntegrationType.Slack], (await _database.IntegrationsAsync()).Select(i => i.Type));
    }

    [Fact]
    public async Task Without_google_configured_the_callback_is_not_configured_and_keeps_the_state()
    {
        await StartAsync();

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured, () => CompleteAsync(google: new GoogleOptions()));

        Assert.Equal(ErrorCodes.GoogleNotConfigured, error.Code);
        Assert.Equal(1, await StateCountAsync());
    }
}
