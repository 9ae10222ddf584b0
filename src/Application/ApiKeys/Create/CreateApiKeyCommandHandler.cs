using Mediator;
using NovaPulse.Application.ApiKeys.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.ApiKeys.Create;

public sealed class CreateApiKeyCommandHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyResponse>
{
    public async ValueTask<CreatedApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var role = command.Role ?? Role.Member;
        if (!MembershipPolicy.CanGrant(currentUser.RequireRole(), role))
        {
            throw AppException.Forbidden($"You cannot create a key with the {role} role.");
        }

        var key = ApiKey.Prefix + Secrets.NewToken();
        var apiKey = ApiKey.Create(
            currentUser.RequireCompanyId(), command.Name, key[..11], Secrets.Hash(key), role, currentUser.RequireUserId(), clock.GetUtcNow());
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(key, ApiKeyDto.From(apiKey));
    }
}
