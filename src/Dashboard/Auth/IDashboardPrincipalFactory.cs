using System.Security.Claims;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Members.Common;

namespace NovaPulse.Dashboard.Auth;

/// <summary>
/// Builds the cookie principal for a signed-in member. The host implements it with the same claim names as its
/// access tokens, so one current-user reader serves bearer tokens, API keys and cookies alike.
/// </summary>
public interface IDashboardPrincipalFactory
{
    ClaimsPrincipal Create(MemberDto user, CompanyDto company);
}
