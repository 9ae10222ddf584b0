using System.Security.Claims;
using NovaPulse.Application.Auth.Common;

namespace NovaPulse.Dashboard.Auth;

/// <summary>
/// Builds the cookie principal from a successful sign-in. The host implements it with the same claim names as its
/// access tokens, so one current-user reader serves bearer tokens, API keys and cookies alike.
/// </summary>
public interface IDashboardPrincipalFactory
{
    ClaimsPrincipal Create(AuthResponse signedIn);
}
