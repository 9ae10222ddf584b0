using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.ApiKeys.Revoke;

public sealed class RevokeApiKeyCommandHandler(IAppDbContext db, ApiKeyAuthenticator authenticator, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id && k.RevokedAt == null, cancellationToken)
            ?? throw AppException.NotFound("API key", command.Id);
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await authenticator.ForgetAsync(key.Id, key.KeyHash, cancellationToken);
        return Unit.Value;
    }
}
