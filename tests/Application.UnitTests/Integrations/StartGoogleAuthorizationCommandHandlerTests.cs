using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.StartGoogle;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class StartGoogleAuthorizationCommandHandlerTests : IDisposable
{
    private static readonly GoogleOptions Configured = new()
    {
        ClientId = "client-1",
        ClientSecret = "client-secret",
        RedirectUri = "https://app.example.com/google/callback",
        AuthorizationEndpoint = "https://accounts.example.test/auth",
    };

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<GoogleAuthorizationStart> StartAsync(GoogleOptions google, long? integrationLimit = null)
    {
        await using var context = _database.NewContext();
        var planLimits = TestIntegrations.PlanLimits(context, _database.Clock, integrationLimit);
        return await new StartGoogleAuthorizationCommandHandler(context, _database.CurrentUser, TestIntegrations.Protector, planLimits, Options.Create(google), _database.Clock)
            .Handle(new StartGoogleAuthorizationCommand(), CancellationToken.None);
    }

    [Fact]
    public async Task The_consent_url_carries_a_state_stored_only_as_its_hash_and_the_challenge_of_an_encrypted_verifier()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var start = await StartAsync(Configured);

        Assert.StartsWith("https://accounts.example.test/auth?", start.Url, StringComparison.Ordinal);
        var query = new Uri(start.Url).Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);
        Assert.Equal("client-1", query["client_id"]);
        Assert.Equal(Pkce.Method, query["code_challenge_method"]);
        await using var context = _database.NewContext();
        var state = await context.OAuthStates.SingleAsync();
        Assert.Equal((acme.Company.Id, acme.Owner.Id, IntegrationType.Google), (state.CompanyId, state.UserId, state.Provider));
        Assert.Equal(Secrets.Hash(query["state"]), state.StateHash);
        Assert.Equal(Pkce.ChallengeFor(TestIntegrations.Protector.Unprotect(state.CodeVerifier)), query["code_challenge"]);
        Assert.Equal(_database.Clock.GetUtcNow() + OAuthState.Lifetime, state.ExpiresAt);
    }

    [Fact]
    public async Task Starting_again_drops_the_companys_lapsed_attempts_but_keeps_the_live_ones()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        await StartAsync(Configured);
        _database.Clock.Advance(OAuthState.Lifetime);
        await StartAsync(Configured);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await StartAsync(Configured);

        await using var context = _database.NewContext();
        Assert.Equal(2, await context.OAuthStates.CountAsync());
    }

    [Fact]
    public async Task Without_google_settings_nothing_is_started()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotConfigured, () => StartAsync(new GoogleOptions()));

        Assert.Equal(ErrorCodes.GoogleNotConfigured, error.Code);
        await using var context = _database.NewContext();
        Assert.False(await context.OAuthStates.AnyAsync());
    }

    [Fact]
    public async Task A_company_at_its_plans_integration_limit_is_refused_before_leaving_for_google()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => StartAsync(Configured, integrationLimit: 0));

        Assert.Equal("integration_limit_reached", error.Code);
        await using var context = _database.NewContext();
        Assert.False(await context.OAuthStates.AnyAsync());
    }
}
