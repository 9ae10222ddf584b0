using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.ChangeRole;

public sealed class ChangeMemberRoleCommandHandler(IAppDbContext db, ICurrentUser currentUser, CurrentRoles roles) : ICommandHandler<ChangeMemberRoleCommand, MemberDto>
{
    public async ValueTask<MemberDto> Handle(ChangeMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Member", command.Id);
        var owners = await db.Users.CountAsync(u => u.Role == Role.Owner, cancellationToken);
        MembershipPolicy.EnsureCanChangeRole(currentUser.RequireRole(), member, command.Role, owners);
        member.ChangeRole(command.Role);
        await db.SaveChangesAsync(cancellationToken);
        await roles.ForgetAsync(member.Id, cancellationToken);
        return MemberDto.From(member);
    }
}
