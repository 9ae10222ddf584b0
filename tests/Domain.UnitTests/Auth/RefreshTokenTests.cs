using NovaPulse.Domain.Auth;

namespace NovaPulse.Domain.UnitTests.Auth;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private static RefreshToken Issue() =>
        RefreshToken.Issue(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "hash", Now, Lifetime);

    [Fact]
    public void A_fresh_token_is_active_until_it_expires()
    {
        var token = Issue();

        Assert.Equal(Now + Lifetime, token.ExpiresAt);
        Assert.True(token.IsActive(Now));
        Assert.True(token.IsActive(Now + Lifetime - TimeSpan.FromSeconds(1)));
        Assert.False(token.IsActive(Now + Lifetime));
    }

    [Fact]
    public void A_used_token_is_no_longer_active()
    {
        var token = Issue();

        token.MarkUsed(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), token.UsedAt);
        Assert.False(token.IsActive(Now.AddMinutes(2)));
    }

    [Fact]
    public void A_revoked_token_is_no_longer_active()
    {
        var token = Issue();

        token.Revoke(Now.AddMinutes(1));

        Assert.False(token.IsActive(Now.AddMinutes(2)));
    }

    [Fact]
    public void Revoking_twice_keeps_the_first_revocation_time()
    {
        var token = Issue();

        token.Revoke(Now.AddMinutes(1));
        token.Revoke(Now.AddMinutes(5));

        Assert.Equal(Now.AddMinutes(1), token.RevokedAt);
    }
}
