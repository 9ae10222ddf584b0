using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Members.Common;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>The dashboard's cookie principal, with the claims our access tokens carry (so one current-user reader fits all).</summary>
public sealed class DashboardPrincipalFactory : IDashboardPrincipalFactory
{
    /// <summary>The display name; the other claims are the access token's.</summary>
    public const string NameClaim = "name";

    public ClaimsPrincipal Create(MemberDto user, CompanyDto company)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(JwtClaimNames.Subject, user.Id.ToString()),
                new Claim(JwtClaimNames.Company, company.Id.ToString()),
                new Claim(JwtClaimNames.Role, user.Role.ToString()),
                new Claim(JwtClaimNames.Email, user.Email),
                new Claim(NameClaim, $"{user.Name} · {company.Name}"),
            ],
            DashboardAuthentication.Scheme,
            NameClaim,
            JwtClaimNames.Role);
        return new ClaimsPrincipal(identity);
    }

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = DashboardAuthentication.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = DashboardAuthentication.LoginPath;
        options.LogoutPath = DashboardAuthentication.LogoutPath;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = DashboardCookieValidator.ValidateAsync;
    }
}
