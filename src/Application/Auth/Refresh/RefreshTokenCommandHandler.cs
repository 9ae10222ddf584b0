using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.Application.Auth.Refresh;

public sealed class RefreshTokenCommandHandler(IAppDbContext db, TokenPairIssuer tokens, TimeProvider clock)
    : ICommandHandler<RefreshTokenCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(RefreshTokenCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(command.RefreshToken);
        // Anonymous by nature: the token itself identifies the tenant.
        var token = await db.RefreshTokens.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw AppException.Unauthenticated("The refresh token is invalid.");

        if (token.UsedAt is not null && token.RevokedAt is null)
        {
            // A spent token came back: someone holds a copy. Revoke the whole family so neither party keeps access.
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            throw AppException.Unauthenticated("The refresh token was already used; all sessions of this sign-in were revoked.");
        }

        if (!token.IsActive(now))
        {
            throw AppException.Unauthenticated("The refresh token has expired or was revoked.");
        }

        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken)
            ?? throw AppException.Unauthenticated("The refresh token is invalid.");

        // Spend the token with a conditional update, not a read-then-write: of two concurrent redemptions only one
        // changes the row, and the other is treated as the reuse it is indistinguishable from.
        var claimed = await db.RefreshTokens.IgnoreQueryFilters()
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            throw AppException.Unauthenticated("The refresh token was already used; all sessions of this sign-in were revoked.");
        }

        var pair = tokens.Issue(user, token.FamilyId);
        await db.SaveChangesAsync(cancellationToken);
        return pair;
    }

    private async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var family = await db.RefreshTokens.IgnoreQueryFilters().Where(t => t.FamilyId == familyId).ToListAsync(cancellationToken);
        foreach (var member in family)
        {
            member.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
