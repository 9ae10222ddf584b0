using Microsoft.Extensions.Options;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.Application.UnitTests;

/// <summary>The real password hasher and token issuers, configured for tests.</summary>
public static class TestAuth
{
    public const int MaxFailedLogins = 3;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IPasswordHasher PasswordHasher { get; } = new IdentityPasswordHasher();

    public static IOptions<AuthSettings> Settings { get; } = Options.Create(new AuthSettings
    {
        MaxFailedLogins = MaxFailedLogins,
        LockoutDuration = LockoutDuration,
        RefreshTokenLifetime = TimeSpan.FromDays(30),
    });

    public static IOptions<JwtOptions> Jwt { get; } = Options.Create(new JwtOptions { SigningKey = new string('k', 48) });

    public static TokenPairIssuer TokenPairIssuer(IAppDbContext context, TimeProvider clock) =>
        new(context, new JwtAccessTokenIssuer(Jwt, clock), Settings, clock);
}
