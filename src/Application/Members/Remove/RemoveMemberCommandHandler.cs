using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.Remove;

public sealed class RemoveMemberCommandHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, CurrentRoles roles) : ICommandHandler<RemoveMemberCommand>
{
    public async ValueTask<Unit> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Member", command.Id);
        var owners = await db.Users.CountAsync(u => u.Role == Role.Owner, cancellationToken);
        MembershipPolicy.EnsureCanRemove(currentUser.RequireRole(), member, owners);

        var now = clock.GetUtcNow();
        foreach (var key in await db.ApiKeys.Where(k => k.CreatedBy == member.Id && k.RevokedAt == null).ToListAsync(cancellationToken))
        {
            key.Revoke(now);
        }

        foreach (var token in await db.RefreshTokens.Where(t => t.UserId == member.Id).ToListAsync(cancellationToken))
        {
            db.RefreshTokens.Remove(token);
        }

        // Invitations they sent would otherwise still let someone in on their say-so after they left.
        foreach (var invitation in await db.Invitations.Where(i => i.InvitedBy == member.Id && i.AcceptedAt == null).ToListAsync(cancellationToken))
        {
            db.Invitations.Remove(invitation);
        }

        foreach (var task in await db.Tasks.Where(t => t.AssigneeId == member.Id).ToListAsync(cancellationToken))
        {
            task.Update(new TaskChanges(AssigneeId: Optional<Guid?>.Of(null)), now);
        }

        member.MarkRemoved();
        db.Users.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        await roles.ForgetAsync(member.Id, cancellationToken);
        return Unit.Value;
    }
}
