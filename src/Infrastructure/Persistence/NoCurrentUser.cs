using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>No principal: design time, background work outside a request, and a pooled context between requests.</summary>
public sealed class NoCurrentUser : ICurrentUser
{
    public static readonly NoCurrentUser Instance = new();

    private NoCurrentUser()
    {
    }

    public bool IsAuthenticated => false;

    public Guid? UserId => null;

    public Guid? CompanyId => null;

    public Role? Role => null;

    public Guid? ApiKeyId => null;
}
