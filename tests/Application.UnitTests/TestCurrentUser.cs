using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.UnitTests;

/// <summary>The caller of the current "request"; tests sign in as a member or stay anonymous.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public bool IsAuthenticated => CompanyId is not null;

    public Guid? UserId { get; private set; }

    public Guid? CompanyId { get; private set; }

    public Role? Role { get; private set; }

    public Guid? ApiKeyId { get; private set; }

    public void SignInAs(User user, Guid? apiKeyId = null)
    {
        UserId = user.Id;
        CompanyId = user.CompanyId;
        Role = user.Role;
        ApiKeyId = apiKeyId;
    }

    public void SignOut()
    {
        UserId = null;
        CompanyId = null;
        Role = null;
        ApiKeyId = null;
    }
}
