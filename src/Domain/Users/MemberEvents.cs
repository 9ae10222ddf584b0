using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Users;

public sealed record MemberJoined(Guid UserId, Guid CompanyId, string Email, string Name, Role Role) : IDomainEvent;

public sealed record MemberRemoved(Guid UserId, Guid CompanyId, string Email) : IDomainEvent;
