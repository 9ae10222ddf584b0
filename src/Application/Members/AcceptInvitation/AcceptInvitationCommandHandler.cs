using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.AcceptInvitation;

public sealed class AcceptInvitationCommandHandler(IAppDbContext db, IPasswordHasher passwords, TokenPairIssuer tokens, TimeProvider clock)
    : ICommandHandler<AcceptInvitationCommand, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(command.Token);
        // The invitee has no company yet: the token names it.
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsPending(now))
        {
            throw AppException.NotFound("Invitation", "token");
        }

        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == invitation.NormalizedEmail, cancellationToken))
        {
            throw AppException.Conflict("A person with this email already has an account.");
        }

        invitation.Accept(now);
        var user = User.Create(invitation.CompanyId, invitation.Email, command.Name, invitation.Role, now);
        user.SetPasswordHash(passwords.Hash(command.Password));
        db.Users.Add(user);
        var company = await db.Companies.SingleAsync(c => c.Id == invitation.CompanyId, cancellationToken);
        var pair = tokens.Issue(user);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthResponse(pair.AccessToken, pair.RefreshToken, pair.TokenType, pair.ExpiresIn, MemberDto.From(user), CompanyDto.From(company));
    }
}
