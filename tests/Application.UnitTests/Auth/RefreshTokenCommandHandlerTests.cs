using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Auth.Refresh;
using NovaPulse.Application.Auth.Register;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.UnitTests.Auth;

public sealed class RefreshTokenCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<string> RegisterAsync()
    {
        await using var context = _database.NewContext();
        var response = await new RegisterCommandHandler(context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock)
            .Handle(new RegisterCommand("Acme", "Ada", "ada@acme.test", "correct-horse-1"), CancellationToken.None);
        return response.RefreshToken;
    }

    private async Task<TokenResponse> RefreshAsync(string refreshToken)
    {
        await using var context = _database.NewContext();
        var handler = new RefreshTokenCommandHandler(context, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock);
        return await handler.Handle(new RefreshTokenCommand(refreshToken), CancellationToken.None);
    }

    [Fact]
    public async Task Refreshing_returns_a_new_pair_and_spends_the_presented_token()
    {
        var first = await RegisterAsync();

        var second = await RefreshAsync(first);

        Assert.NotEqual(first, second.RefreshToken);
        Assert.False(string.IsNullOrEmpty(second.AccessToken));
        await using var context = _database.NewContext();
        var tokens = await context.RefreshTokens.IgnoreQueryFilters().ToListAsync();
        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens.Select(t => t.FamilyId).Distinct());
        Assert.Single(tokens, t => t.UsedAt is not null);
    }

    [Fact]
    public async Task A_rotated_token_can_itself_be_rotated()
    {
        var first = await RegisterAsync();
        var second = await RefreshAsync(first);

        var third = await RefreshAsync(second.RefreshToken);

        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_is_refused()
    {
        var first = await RegisterAsync();
        await RefreshAsync(first);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(first));
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_family()
    {
        var first = await RegisterAsync();
        var second = await RefreshAsync(first);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(first));

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(second.RefreshToken));
        await using var context = _database.NewContext();
        Assert.All(await context.RefreshTokens.IgnoreQueryFilters().ToListAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Reuse_revokes_only_the_family_of_the_reused_token()
    {
        var first = await RegisterAsync();
        var rotated = await RefreshAsync(first);
        var otherSignIn = await IssueIndependentSignInAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(first));

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(rotated.RefreshToken));
        var renewed = await RefreshAsync(otherSignIn.RefreshToken);
        Assert.False(string.IsNullOrEmpty(renewed.RefreshToken));
    }

    /// <summary>A second sign-in of the same user, e.g. on another device: a new token family.</summary>
    private async Task<TokenResponse> IssueIndependentSignInAsync()
    {
        await using var context = _database.NewContext();
        var user = await context.Users.IgnoreQueryFilters().SingleAsync();
        var pair = TestAuth.TokenPairIssuer(context, _database.Clock).Issue(user);
        await context.SaveChangesAsync();
        return pair;
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_refused()
    {
        await RegisterAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync("not-a-token-we-issued"));
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        var first = await RegisterAsync();

        _database.Clock.Advance(TestAuth.Settings.Value.RefreshTokenLifetime);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => RefreshAsync(first));
    }
}
