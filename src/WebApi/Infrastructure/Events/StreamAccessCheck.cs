using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.WebApi.Infrastructure.Auth;

namespace NovaPulse.WebApi.Infrastructure.Events;

/// <summary>
/// Authenticates an open stream's request again, so the stream ends when its API key is revoked or its access token
/// expires instead of living as long as the connection. The request's own handlers cache their first result, so this
/// runs a fresh handler in a scope of its own (fresh database reads too).
/// </summary>
public sealed class StreamAccessCheck(IServiceScopeFactory scopes)
{
    public async Task<bool> StillAllowedAsync(HttpContext http)
    {
        var company = http.User.FindFirstValue(JwtClaimNames.Company);
        var requestServices = http.RequestServices;
        await using var scope = scopes.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
            var handler = await handlers.GetHandlerAsync(http, AuthSchemes.Select(http));
            var result = handler is null ? AuthenticateResult.NoResult() : await handler.AuthenticateAsync();
            return result.Succeeded && company is not null && result.Principal.FindFirstValue(JwtClaimNames.Company) == company;
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }
}
