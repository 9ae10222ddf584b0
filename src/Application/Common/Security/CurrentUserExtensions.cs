using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Security;

public static class CurrentUserExtensions
{
    public static Guid RequireCompanyId(this ICurrentUser user) =>
        user.CompanyId ?? throw new AuthenticationFailedException("Authentication is required.");

    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new AuthenticationFailedException("Authentication is required.");

    public static Role RequireRole(this ICurrentUser user) =>
        user.Role ?? throw new AuthenticationFailedException("Authentication is required.");
}
