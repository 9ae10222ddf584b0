using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// Holds a validated access token to the member's current role: a removed member's token is refused and a demoted
/// member's token acts with the new role on the next request (within <see cref="CurrentRoles.Lifetime"/> across hosts).
/// </summary>
public static class CurrentRoleCheck
{
    public static async Task ApplyAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirstValue(JwtClaimNames.Subject), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(JwtClaimNames.Company), out var companyId))
        {
            return;
        }

        var roles = context.HttpContext.RequestServices.GetRequiredService<CurrentRoles>();
        var current = await roles.GetAsync(userId, companyId, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.Fail("The member no longer belongs to the company.");
            return;
        }

        // A token without a role claim stays without one: the role check refuses it rather than trusting the database
        // to fill in what the issuer left out.
        var claimed = principal.FindFirst(JwtClaimNames.Role);
        if (claimed is null || claimed.Value == current.Value.ToString())
        {
            return;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(claimed);
        identity.AddClaim(new Claim(JwtClaimNames.Role, current.Value.ToString()));
    }
}
