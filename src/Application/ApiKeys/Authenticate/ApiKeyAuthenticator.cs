using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.Authenticate;

/// <summary>Resolves a presented <c>np_...</c> key to the principal it acts as.</summary>
public sealed class ApiKeyAuthenticator(IAppDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyPrincipal?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!presentedKey.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) || presentedKey.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(presentedKey);
        // Runs before the tenant is known: the key itself names it.
        // The creator's current membership comes with it (one round trip): a key never acts above the person who made
        // it, and stops acting at all once they have left the company.
        var key = await (
                from k in db.ApiKeys.IgnoreQueryFilters()
                join u in db.Users.IgnoreQueryFilters() on new { Id = k.CreatedBy, k.CompanyId } equals new { u.Id, u.CompanyId }
                where k.KeyHash == hash && k.RevokedAt == null
                select new { k.Id, k.CompanyId, k.CreatedBy, k.Role, k.LastUsedAt, CreatorRole = u.Role })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > TouchInterval)
        {
            // A direct update: last-used bookkeeping is not a user mutation and must not flood the audit log.
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyPrincipal(key.Id, key.CompanyId, key.CreatedBy, key.Role < key.CreatorRole ? key.Role : key.CreatorRole);
    }
}

public sealed record ApiKeyPrincipal(Guid ApiKeyId, Guid CompanyId, Guid CreatedBy, Role Role);
