using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.TestGoogle;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class TestGoogleCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeGoogleOAuthClient _google = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationTestResult> TestAsync()
    {
        await using var context = _database.NewContext();
        var tokens = new GoogleAccessTokens(_google, TestIntegrations.Protector, _database.Clock);
        return await new TestGoogleCommandHandler(context, tokens, _google, _database.Clock).Handle(new TestGoogleCommand(), CancellationToken.None);
    }

    [Fact]
    public async Task A_live_access_token_is_tried_against_google_and_the_test_recorded()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddGoogleAsync(acme);

        var result = await TestAsync();

        Assert.Equal(["access"], _google.AccessTokensAsked);
        Assert.True(result.Succeeded);
        Assert.Equal(_database.Clock.GetUtcNow(), Assert.Single(await _database.IntegrationsAsync()).LastTestedAt);
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_first_and_the_new_one_tried()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddGoogleAsync(acme, tokenLifetime: TimeSpan.FromSeconds(30));

        var result = await TestAsync();

        Assert.Equal(["access-2"], _google.AccessTokensAsked);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_revoked_grant_disconnects_the_integration_without_asking_for_the_account()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddGoogleAsync(acme, tokenLifetime: TimeSpan.Zero);
        _google.Refreshed = new GoogleTokenResponse(null, null, 0, null, "invalid_grant");

        var result = await TestAsync();

        Assert.Empty(_google.AccessTokensAsked);
        Assert.Equal((false, IntegrationStatus.Disconnected), (result.Succeeded, result.Status));
        Assert.Equal(IntegrationStatus.Disconnected, Assert.Single(await _database.IntegrationsAsync()).Status);
    }

    [Fact]
    public async Task A_token_google_refuses_is_a_failed_test_that_keeps_the_integration_connected()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddGoogleAsync(acme);
        _google.Email = null;

        var result = await TestAsync();

        Assert.Equal((false, IntegrationStatus.Connected), (result.Succeeded, result.Status));
        Assert.NotNull(Assert.Single(await _database.IntegrationsAsync()).LastError);
    }

    [Fact]
    public async Task Another_companys_google_integration_is_not_found()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.AddGoogleAsync(globex);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, TestAsync);

        Assert.Empty(_google.AccessTokensAsked);
    }
}
