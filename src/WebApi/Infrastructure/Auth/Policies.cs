using Microsoft.AspNetCore.Authorization;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// Role gates at the HTTP edge, derived from the use cases' <c>[RequireRole]</c> by <see cref="AuthorizeAsAttribute{TRequest}"/>:
/// they make the requirement visible in the OpenAPI contract (<c>x-required-role</c>) and stop a request before it is bound.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Owner = "owner";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Admin)));
        options.AddPolicy(Owner, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => HasRole(c, Role.Owner)));
    }

    /// <summary>The policy for a request's minimum role; a Member needs only to be signed in (no policy).</summary>
    public static string? For(RequireRoleAttribute requirement) => requirement.Minimum switch
    {
        Role.Owner => Owner,
        Role.Admin => Admin,
        _ => null,
    };

    private static bool HasRole(AuthorizationHandlerContext context, Role minimum) =>
        Enum.TryParse<Role>(context.User.FindFirst(JwtClaimNames.Role)?.Value, out var role) && role >= minimum;
}
