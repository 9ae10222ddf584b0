using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Invitations;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.Invite;

public sealed class InviteMemberCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, PlanLimitGuard planLimits, IOptions<AuthSettings> settings, TimeProvider clock)
    : ICommandHandler<InviteMemberCommand, InvitationResponse>
{
    public async ValueTask<InvitationResponse> Handle(InviteMemberCommand command, CancellationToken cancellationToken)
    {
        if (!MembershipPolicy.CanGrant(currentUser.RequireRole(), command.Role))
        {
            throw AppException.Forbidden($"You cannot invite someone as {command.Role}.");
        }

        var normalized = User.Normalize(command.Email);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw AppException.Conflict("A person with this email already has an account.");
        }

        var companyId = currentUser.RequireCompanyId();
        return await db.InCompanyLockAsync(companyId, () => InviteAsync(command, companyId, normalized, cancellationToken), cancellationToken);
    }

    /// <summary>Under the company's lock: the pending-invitation and seat checks and the insert happen as one.</summary>
    private async Task<InvitationResponse> InviteAsync(InviteMemberCommand command, Guid companyId, string normalized, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Invitations
            .Where(i => i.NormalizedEmail == normalized && i.AcceptedAt == null)
            .ToListAsync(cancellationToken);
        if (pending.Any(i => i.IsPending(now)))
        {
            throw AppException.Conflict("This email already has a pending invitation.");
        }

        await planLimits.EnsureSeatAvailableAsync(companyId, cancellationToken);
        var token = Secrets.NewToken();
        var invitation = Invitation.Create(
            companyId, command.Email, command.Role, Secrets.Hash(token), currentUser.RequireUserId(), now, settings.Value.InvitationLifetime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationResponse(invitation.Id, invitation.Email, invitation.Role, token, invitation.ExpiresAt);
    }
}
