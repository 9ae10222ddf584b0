using System.Security.Claims;

namespace NovaPulse.Dashboard.Auth;

/// <summary>
/// The principal a dashboard use case runs as, set per DI scope by <see cref="DashboardSender"/>. Interactive
/// circuits have no trustworthy HttpContext, so the host's current-user reader prefers this when it is set.
/// </summary>
public sealed class DashboardUser
{
    public ClaimsPrincipal? Principal { get; set; }
}
