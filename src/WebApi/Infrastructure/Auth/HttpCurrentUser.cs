using System.Security.Claims;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// The principal of the current HTTP request, read from its claims (JWT or API key). Endpoints marked
/// <see cref="RunsAnonymouslyAttribute"/> see no principal even when the caller sends credentials.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal =>
        accessor.HttpContext is { } http && http.GetEndpoint()?.Metadata.GetMetadata<RunsAnonymouslyAttribute>() is null ? http.User : null;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => GuidClaim(JwtClaimNames.Subject);

    public Guid? CompanyId => GuidClaim(JwtClaimNames.Company);

    public Role? Role => IsAuthenticated && Enum.TryParse<Role>(Principal!.FindFirstValue(JwtClaimNames.Role), out var role) ? role : null;

    public Guid? ApiKeyId => GuidClaim(JwtClaimNames.ApiKey);

    private Guid? GuidClaim(string type) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(type), out var value) ? value : null;
}
