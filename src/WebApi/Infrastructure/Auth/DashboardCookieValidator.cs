using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NovaPulse.Application.Auth.Me;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// Re-checks the dashboard cookie against the database on every request (page loads and circuit connections): a
/// removed member is signed out at once and a changed role takes effect at once, instead of when the cookie expires.
/// </summary>
public static class DashboardCookieValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        await using var scope = context.HttpContext.RequestServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DashboardUser>().Principal = context.Principal;
        MeResponse me;
        try
        {
            me = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetMeQuery(), context.HttpContext.RequestAborted);
        }
        catch (AppException e) when (e.Kind == ErrorKind.Unauthenticated)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardAuthentication.Scheme);
            return;
        }

        if (context.Principal.FindFirstValue(JwtClaimNames.Role) != me.User.Role.ToString())
        {
            context.ReplacePrincipal(scope.ServiceProvider.GetRequiredService<IDashboardPrincipalFactory>().Create(me.User, me.Company));
            context.ShouldRenew = true;
        }
    }
}
