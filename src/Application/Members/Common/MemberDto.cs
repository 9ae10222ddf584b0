using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.Common;

public sealed record MemberDto(Guid Id, string Email, string Name, Role Role, DateTimeOffset CreatedAt)
{
    public static MemberDto From(User user) => new(user.Id, user.Email, user.Name, user.Role, user.CreatedAt);
}
