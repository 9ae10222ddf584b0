using System.Security.Claims;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// The principal of the current request, read from its claims (JWT, API key or dashboard cookie). Endpoints marked
/// <see cref="RunsAnonymouslyAttribute"/> see no principal even when the caller sends credentials. A dashboard use case
/// runs as the <see cref="DashboardUser"/> of its scope instead: inside an interactive circuit there is no current
/// HttpContext to read (the accessor may even hold a stale one).
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, DashboardUser dashboard) : ICurrentUser
{
    private ClaimsPrincipal? Principal =>
        dashboard.Principal
        ?? (accessor.HttpContext is { } http && http.GetEndpoint()?.Metadata.GetMetadata<RunsAnonymouslyAttribute>() is null ? http.User : null);

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => GuidClaim(JwtClaimNames.Subject);

    public Guid? CompanyId => GuidClaim(JwtClaimNames.Company);

    public Role? Role => IsAuthenticated && Enum.TryParse<Role>(Principal!.FindFirstValue(JwtClaimNames.Role), out var role) ? role : null;

    public Guid? ApiKeyId => GuidClaim(JwtClaimNames.ApiKey);

    private Guid? GuidClaim(string type) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(type), out var value) ? value : null;
}
