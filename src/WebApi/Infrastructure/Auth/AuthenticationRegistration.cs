using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

public static class AuthenticationRegistration
{
    /// <summary>Who the caller is (JWT, API key or dashboard cookie, picked per request) and the role policies.</summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IDashboardPrincipalFactory, DashboardPrincipalFactory>();
        services.AddSingleton<IRequestContext, HttpRequestContext>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "JWT, API key or dashboard cookie", options => options.ForwardDefaultSelector = AuthSchemes.Select)
            .AddJwtBearer(AuthSchemes.Jwt, options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = CurrentRoleCheck.ApplyAsync };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(DashboardAuthentication.Scheme, DashboardPrincipalFactory.ConfigureCookie);

        services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt).Configure<IOptions<JwtOptions>, TimeProvider>((options, jwt, clock) =>
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Value.Issuer,
                ValidAudience = jwt.Value.Audience,
                IssuerSigningKey = JwtAccessTokenIssuer.SigningKey(jwt.Value),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = JwtClaimNames.Subject,
                RoleClaimType = JwtClaimNames.Role,
                // Judge expiry by the same clock that issued the token.
                LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(clock.GetUtcNow().UtcDateTime, notBefore, expires),
            });
        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires)
    {
        var skew = TimeSpan.FromSeconds(30);
        return expires is { } end && now <= end + skew && (notBefore is not { } start || now >= start - skew);
    }
}
