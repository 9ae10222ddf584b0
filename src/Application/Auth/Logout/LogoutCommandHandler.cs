using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.Application.Auth.Logout;

public sealed class LogoutCommandHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var query = db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null);
        if (!string.IsNullOrEmpty(command.RefreshToken))
        {
            var hash = Secrets.Hash(command.RefreshToken);
            var familyId = await db.RefreshTokens.Where(t => t.UserId == userId && t.TokenHash == hash)
                .Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
            if (familyId is null)
            {
                return Unit.Value;
            }

            query = query.Where(t => t.FamilyId == familyId);
        }

        var now = clock.GetUtcNow();
        foreach (var token in await query.ToListAsync(cancellationToken))
        {
            token.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
