using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Interfaces;

/// <summary>The authenticated principal of the current request (a person or an API key), if any.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The person acting; for an API key, the member who created it.</summary>
    Guid? UserId { get; }

    Guid? CompanyId { get; }

    Role? Role { get; }

    Guid? ApiKeyId { get; }
}
