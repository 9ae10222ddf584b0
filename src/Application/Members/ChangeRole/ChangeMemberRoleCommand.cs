using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Members.ChangeRole;

[RequireRole(Domain.Common.Role.Admin)]
public sealed record ChangeMemberRoleCommand(Guid Id, Role Role) : ICommand<MemberDto>;
