using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer np_...</c> or <c>X-Api-Key: np_...</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await authenticator.AuthenticateAsync(key, Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(JwtClaimNames.Subject, principal.CreatedBy.ToString()),
                new Claim(JwtClaimNames.Company, principal.CompanyId.ToString()),
                new Claim(JwtClaimNames.Role, principal.Role.ToString()),
                new Claim(JwtClaimNames.ApiKey, principal.ApiKeyId.ToString()),
            ],
            Scheme.Name,
            JwtClaimNames.Subject,
            JwtClaimNames.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The API key in the request, if it carries one.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer + ApiKey.Prefix, StringComparison.Ordinal) ? authorization[bearer.Length..].Trim() : null;
    }
}
