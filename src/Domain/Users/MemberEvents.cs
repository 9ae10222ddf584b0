using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Users;

public sealed record MemberJoined(Guid UserId, Guid CompanyId, string Email, string Name, Role Role) : IDomainEvent
{
    public string EventType => "member.joined";

    public object Data => new { id = UserId, email = Email, name = Name, role = Role.ToString().ToLowerInvariant() };
}

public sealed record MemberRemoved(Guid UserId, Guid CompanyId, string Email) : IDomainEvent
{
    public string EventType => "member.removed";

    public object Data => new { id = UserId, email = Email };
}
