using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Common.Interfaces;

/// <summary>Signs short-lived access tokens (JWT) that carry the user, company and role.</summary>
public interface IAccessTokenIssuer
{
    (string Token, TimeSpan Lifetime) Issue(User user);
}
