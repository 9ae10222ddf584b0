using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.Authenticate;

/// <summary>
/// Resolves a presented <c>np_...</c> key to the principal it acts as. A valid key's row is cached per host for
/// <see cref="CurrentRoles.Lifetime"/> (keyed by its hash, never the key): a revocation evicts it on this host at once and
/// on the others when they receive the notice (<see cref="ForgetAsync"/>); a lost notice leaves the lifetime as the
/// bound. The creator's role comes from
/// <see cref="CurrentRoles"/>, so a demotion or removal bites on the next request as for their own tokens.
/// </summary>
public sealed class ApiKeyAuthenticator(IAppDbContext db, CurrentRoles roles, IMemoryCache cache, IClusterNotifier cluster, TimeProvider clock)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyPrincipal?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!presentedKey.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) || presentedKey.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(presentedKey);
        if (!cache.TryGetValue(Key(hash), out ValidKey? key) || key is null)
        {
            // Runs before the tenant is known: the key itself names it. Unknown keys are not cached (no memory for guesses).
            key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
                .Where(k => k.KeyHash == hash && k.RevokedAt == null)
                .Select(k => new ValidKey(k.Id, k.CompanyId, k.CreatedBy, k.Role) { LastUsedAt = k.LastUsedAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (key is null)
            {
                return null;
            }

            cache.Set(Key(hash), key, CurrentRoles.Lifetime);
            // Notices name the key by id (never its hash): this entry finds the cached row from the id.
            cache.Set(IdKey(key.Id), hash, CurrentRoles.Lifetime);
        }

        // A key never acts above the person who made it, and stops acting at all once they have left the company.
        if (await roles.GetAsync(key.CreatedBy, key.CompanyId, cancellationToken) is not { } creatorRole)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > TouchInterval)
        {
            key.LastUsedAt = now;
            // A direct update: last-used bookkeeping is not a user mutation and must not flood the audit log.
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyPrincipal(key.Id, key.CompanyId, key.CreatedBy, key.Role < creatorRole ? key.Role : creatorRole);
    }

    /// <summary>After a committed revocation: stops honouring the key here at once and tells the other hosts.</summary>
    public Task ForgetAsync(Guid keyId, string keyHash, CancellationToken cancellationToken)
    {
        cache.Remove(Key(keyHash));
        cache.Remove(IdKey(keyId));
        return cluster.NotifyAsync(AccessCacheNotices.ApiKey, keyId, cancellationToken);
    }

    /// <summary>Evicts a key's cached row by its id (a notice from another host).</summary>
    public static void Evict(IMemoryCache cache, Guid keyId)
    {
        if (cache.TryGetValue(IdKey(keyId), out string? hash) && hash is not null)
        {
            cache.Remove(Key(hash));
        }

        cache.Remove(IdKey(keyId));
    }

    private static string Key(string keyHash) => "api-key:" + keyHash;

    private static string IdKey(Guid keyId) => "api-key-id:" + keyId.ToString("N");

    private sealed record ValidKey(Guid Id, Guid CompanyId, Guid CreatedBy, Role Role)
    {
        public DateTimeOffset? LastUsedAt { get; set; }
    }
}

public sealed record ApiKeyPrincipal(Guid ApiKeyId, Guid CompanyId, Guid CreatedBy, Role Role);
