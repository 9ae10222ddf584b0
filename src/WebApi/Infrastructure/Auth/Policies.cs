using Microsoft.AspNetCore.Authorization;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// Role gates at the HTTP edge, mirroring the use cases' <c>[RequireRole]</c>: they make the requirement visible in
/// the OpenAPI contract (<c>x-required-role</c>) and stop a request before it is bound.
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

    private static bool HasRole(AuthorizationHandlerContext context, Role minimum) =>
        Enum.TryParse<Role>(context.User.FindFirst(JwtClaimNames.Role)?.Value, out var role) && role >= minimum;
}
