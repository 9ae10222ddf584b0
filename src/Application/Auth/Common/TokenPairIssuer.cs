using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Auth;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Auth.Common;

/// <summary>Issues an access token and a refresh token (added to the context; the caller saves).</summary>
public sealed class TokenPairIssuer(IAppDbContext db, IAccessTokenIssuer accessTokens, IOptions<AuthSettings> settings, TimeProvider clock)
{
    public TokenResponse Issue(User user, Guid? familyId = null)
    {
        var (accessToken, lifetime) = accessTokens.Issue(user);
        var refreshToken = Secrets.NewToken();
        db.RefreshTokens.Add(RefreshToken.Issue(
            user.CompanyId, user.Id, familyId ?? Guid.CreateVersion7(), Secrets.Hash(refreshToken), clock.GetUtcNow(), settings.Value.RefreshTokenLifetime));
        return new TokenResponse(accessToken, refreshToken, "Bearer", (int)lifetime.TotalSeconds);
    }
}
