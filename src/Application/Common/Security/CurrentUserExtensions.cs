using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Security;

public static class CurrentUserExtensions
{
    public static Guid RequireCompanyId(this ICurrentUser user) =>
        user.CompanyId ?? throw AppException.Unauthenticated("Authentication is required.");

    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw AppException.Unauthenticated("Authentication is required.");

    public static Role RequireRole(this ICurrentUser user) =>
        user.Role ?? throw AppException.Unauthenticated("Authentication is required.");
}
